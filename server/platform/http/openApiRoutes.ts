import { FastifyPluginAsync } from 'fastify'

/** GET /api/v1/openapi.json: the contract as this server implements it. */
export const openApiRoutes: FastifyPluginAsync = async (app) => {
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
}
