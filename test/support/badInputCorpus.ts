import dayjs from 'dayjs'
import { OpenAPIV3 } from 'openapi-types'

/*
 * A corpus of bad requests generated from the served OpenAPI document: for every
 * route, every path, query and body field is given each bad value in turn while the
 * rest of the request is as plausible as the schema allows (so the bad value gets as
 * far into the server as it can), plus whole bodies of the wrong kind and the wrong
 * content types. docs/api.md, "Bad input": none of these may answer 5xx.
 */

export interface BadRequest {
  method: string
  url: string
  headers: Record<string, string>
  payload?: string | Buffer
  /** What was broken, for the failure report. */
  what: string
}

const MEGABYTE = 'x'.repeat(1024 * 1024)

/** Bad values for a text field in a JSON body. */
export const BAD_JSON_VALUES: ReadonlyArray<readonly [string, unknown]> = [
  ['NUL', '\u0000'],
  ['NUL inside', 'ab\u0000cd'],
  ['lone high surrogate', '\uD800'],
  ['lone low surrogate', 'a\uDC00b'],
  ['1 MB string', MEGABYTE],
  ['year 0', '0000-01-01T00:00:00Z'],
  ['year 1', '0001-01-01T00:00:00+08:00'],
  ['year 9999', '9999-12-31T23:59:59Z'],
  ['date year 0', '0000-01-01'],
  ['date year 1', '0001-01-01'],
  ['date year 9999', '9999-12-31'],
  ['negative', -1],
  ['huge negative', -1e308],
  ['huge', 1e308],
  ['beyond safe integers', 2 ** 53 + 1],
  ['fraction', 0.5],
  ['numeric string', '99999999999999999999'],
  ['null', null],
  ['boolean', true],
  ['empty array', []],
  ['array of NUL', ['\u0000']],
  ['object', {}],
  ['__proto__ object', JSON.parse('{"__proto__": {"polluted": true}}')],
  ['empty string', ''],
]

/** Bad values for a path or query parameter, already URL-encoded. */
export const BAD_URL_VALUES: ReadonlyArray<readonly [string, string]> = [
  ['NUL', '%00'],
  ['NUL inside', 'ab%00cd'],
  ['encoded surrogate', '%ED%A0%80'],
  ['invalid UTF-8', '%FF%FE'],
  ['broken escape', '%E4%B'],
  ['1 MB', 'x'.repeat(1024 * 1024)],
  ['year 0', '0000-01-01T00:00:00Z'],
  ['year 9999', '9999-12-31T23:59:59Z'],
  ['date year 0', '0000-01-01'],
  ['date year 9999', '9999-12-31'],
  ['negative', '-1'],
  ['huge negative', '-99999999999999999999'],
  ['huge', '1e308'],
  ['beyond safe integers', '9007199254740993'],
  ['NaN', 'NaN'],
  ['__proto__', '__proto__'],
  ['empty', ''],
]

const BAD_BODIES: ReadonlyArray<readonly [string, string, string]> = [
  ['JSON null', 'null', 'application/json'],
  ['JSON array', '[]', 'application/json'],
  ['JSON string', '"\\u0000"', 'application/json'],
  ['JSON huge number', '1e999', 'application/json'],
  ['__proto__ keys', '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}', 'application/json'],
  ['malformed JSON', '{"a": ', 'application/json'],
  ['1 MB JSON', JSON.stringify({ x: MEGABYTE }), 'application/json'],
  ['text body', 'hello', 'text/plain'],
  ['form body', 'a=1&b=%00', 'application/x-www-form-urlencoded'],
  ['multipart junk', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n\u0000\r\n--x--\r\n', 'multipart/form-data; boundary=x'],
  ['JSON with odd charset', '{}', 'application/json; charset=latin1'],
  ['XML', '<a/>', 'application/xml'],
]

/** Values that look like what the schema asks for, so one bad field is the only problem. */
const PATTERN_SAMPLES = ['13800138000', '1234', 'TS20261122-7F3K9Q', '2027-03', '500112', '08:30', 'inst-c', 'a-b', 'abc', '1']

type Schema = OpenAPIV3.SchemaObject

/** A plausible value for a JSON schema (first enum value, a date near today, a pattern match…). */
export function sampleOf(schema: Schema | undefined, depth = 0): unknown {
  if (!schema || depth > 4) return 'x'
  if (schema.enum) return schema.enum[0]
  if ('const' in schema) return (schema as { const: unknown }).const
  const options = schema.anyOf ?? schema.oneOf
  if (options) return sampleOf((options as Schema[]).find((o) => (o.type as string) !== 'null'), depth + 1)
  if (schema.allOf) return sampleOf(schema.allOf[0] as Schema, depth + 1)
  switch (schema.type) {
    case 'string': {
      if (schema.format === 'date-time') return dayjs().add(1, 'day').toISOString()
      if (schema.format === 'date') return dayjs().subtract(1, 'year').format('YYYY-MM-DD')
      if (schema.pattern) {
        const pattern = new RegExp(schema.pattern)
        const match = PATTERN_SAMPLES.find((s) => pattern.test(s))
        if (match) return match
      }
      return '示例'.padEnd(Math.max(2, schema.minLength ?? 0), '字')
    }
    case 'integer':
    case 'number':
      return schema.minimum ?? 1
    case 'boolean':
      return true
    case 'array':
      return schema.minItems ? [sampleOf(schema.items as Schema, depth + 1)] : []
    case 'object': {
      const body: Record<string, unknown> = {}
      for (const key of schema.required ?? []) body[key] = sampleOf(schema.properties?.[key] as Schema, depth + 1)
      return body
    }
    default:
      return 'x'
  }
}

/** Dotted paths of every property of an object schema, one level of nesting deep. */
function fieldPaths(schema: Schema | undefined): string[][] {
  if (!schema?.properties) return []
  return Object.entries(schema.properties).flatMap(([key, child]) => {
    const nested = (child as Schema).type === 'object' ? fieldPaths(child as Schema).map((p) => [key, ...p]) : []
    return [[key], ...nested]
  })
}

function withField(base: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(typeof base === 'object' && base !== null ? base : {}) as Record<string, unknown>
  let at = copy
  for (const key of path.slice(0, -1)) {
    if (typeof at[key] !== 'object' || at[key] === null) at[key] = {}
    at = at[key] as Record<string, unknown>
  }
  at[path[path.length - 1]] = value
  return copy
}

/** Every bad request for every route of the document; `headersFor` adds who is asking. */
export function generateBadRequests(document: OpenAPIV3.Document, headersFor: (path: string) => Record<string, string>): BadRequest[] {
  const requests: BadRequest[] = []
  for (const [template, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'post', 'patch', 'put', 'delete'] as const) {
      const operation = item?.[method]
      if (!operation) continue
      const parameters = (operation.parameters ?? []) as OpenAPIV3.ParameterObject[]
      const pathParams = parameters.filter((p) => p.in === 'path')
      const queryParams = parameters.filter((p) => p.in === 'query')
      const baseValue = (p: OpenAPIV3.ParameterObject) => encodeURIComponent(String(sampleOf(p.schema as Schema)))
      const url = (override?: { name: string; value: string }) => {
        let path = template
        for (const p of pathParams) path = path.replace(`{${p.name}}`, override?.name === p.name ? override.value : baseValue(p))
        const query = queryParams.filter((p) => p.required || p.name === override?.name).map((p) => `${p.name}=${override?.name === p.name ? override.value : baseValue(p)}`)
        return query.length ? `${path}?${query.join('&')}` : path
      }
      const bodySchema = (operation.requestBody as OpenAPIV3.RequestBodyObject | undefined)?.content?.['application/json']?.schema as Schema | undefined
      const baseBody = bodySchema ? sampleOf(bodySchema) : undefined
      const headers = { ...headersFor(template), 'idempotency-key': '' }
      const json = (body: unknown) => ({ payload: body === undefined ? undefined : JSON.stringify(body), headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) } })
      const add = (what: string, target: string, body: { payload?: string; headers: Record<string, string> }) => {
        // A fresh Idempotency-Key per request, so a repeat is never answered from the store.
        const key = `corpus-${requests.length}`
        requests.push({ method: method.toUpperCase(), url: target, headers: { ...body.headers, 'idempotency-key': key }, payload: body.payload, what: `${method.toUpperCase()} ${template}: ${what}` })
      }
      for (const p of [...pathParams, ...queryParams]) {
        for (const [label, value] of BAD_URL_VALUES) add(`${p.in} ${p.name} = ${label}`, url({ name: p.name, value }), json(baseBody))
      }
      // A parameter the route does not know, carrying a NUL byte and a __proto__ key.
      add('unknown query parameters', `${url()}${url().includes('?') ? '&' : '?'}x=%00&__proto__=1`, json(baseBody))
      // A query parameter given twice (arrives as an array).
      for (const p of queryParams) add(`query ${p.name} twice`, `${url()}${url().includes('?') ? '&' : '?'}${p.name}=1&${p.name}=2`, json(baseBody))
      if (method === 'get' || method === 'delete') continue
      for (const path of fieldPaths(bodySchema)) {
        for (const [label, value] of BAD_JSON_VALUES) add(`body ${path.join('.')} = ${label}`, url(), json(withField(baseBody, path, value)))
      }
      for (const [label, payload, contentType] of BAD_BODIES) add(`body ${label}`, url(), { payload, headers: { ...headers, 'content-type': contentType } })
    }
  }
  return requests
}
