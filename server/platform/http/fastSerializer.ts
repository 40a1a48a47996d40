import { FastifySchemaCompiler } from 'fastify'
import fastJson from 'fast-json-stringify'
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod'
import { z } from 'zod'

/*
 * A route's serializer for its 200 replies when they are built only from domain
 * objects that were validated where they were made (the search index checks every
 * summary against its schema when it loads; the SQL search checks the rows it
 * returns). The zod serializer app.ts installs validates every reply again, which cost
 * several times the search itself on a 20-item page; this one is fast-json-stringify
 * compiled from the same zod schema's JSON Schema, so it still writes exactly the
 * schema's properties and nothing else. The OpenAPI document still comes from the zod
 * schema in `schema.response`. Other statuses keep the validating zod serializer.
 *
 * A frozen reply (the search's page cache freezes the pages it keeps) cannot change,
 * so its JSON is kept beside it and a cached page is stringified once.
 */
export function fastOkSerializer(route: Parameters<FastifySchemaCompiler<unknown>>[0]): (data: unknown) => string {
  const { schema } = route
  if (!(schema instanceof z.ZodType)) throw new Error(`${route.method} ${route.url}: response schemas must be zod schemas`)
  if (route.httpStatus !== '200') return zodSerializerCompiler({ ...route, schema })
  const stringify = fastJson(z.toJSONSchema(schema, { io: 'output', target: 'draft-7' }) as Parameters<typeof fastJson>[0])
  const frozenJson = new WeakMap<object, string>()
  return (data: unknown) => {
    if (typeof data !== 'object' || data === null || !Object.isFrozen(data)) return stringify(data)
    let json = frozenJson.get(data)
    if (json === undefined) {
      json = stringify(data)
      frozenJson.set(data, json)
    }
    return json
  }
}
