import fastifySwagger from '@fastify/swagger'
import { FastifyInstance } from 'fastify'
import { jsonSchemaTransform } from 'fastify-type-provider-zod'

/** OpenAPI document generated from the routes' zod schemas; served by routes/openapi.ts. */
export async function installOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: '安心托育 API',
        description: '查找已备案托育机构、预约与投诉的接口（v1）。金额单位为分，坐标为 GCJ-02。',
        version: '1.0.0',
      },
    },
    transform: jsonSchemaTransform,
  })
}
