import { FastifySchemaValidationError } from 'fastify'

/** Fastify's names for the parts of a request, as docs/api.md's field keys spell them. */
const PART_NAMES: Record<string, string> = { querystring: 'query', body: 'body', params: 'params', headers: 'headers' }

/**
 * Field-level messages keyed like "query.lat" or "body.contactPhone", the first
 * message per field (zod lists the most basic problem first).
 */
export function validationFields(issues: readonly FastifySchemaValidationError[], context: string | undefined): Record<string, string> {
  const part = PART_NAMES[context ?? ''] ?? context ?? 'request'
  const fields: Record<string, string> = {}
  for (const issue of issues) {
    const path = issue.instancePath.split('/').filter(Boolean).join('.')
    const key = path ? `${part}.${path}` : part
    if (!(key in fields)) fields[key] = issue.message ?? '格式不正确'
  }
  return fields
}
