import { ErrorBodySchema } from '@domain/errors'

/**
 * The `response` entries of a route's error answers: every listed status answers the
 * API's one error shape (docs/api.md, "Errors"). `errorResponses(400, 401, 404)` instead
 * of spelling `{ 400: ErrorBodySchema, … }` in each routes file.
 */
export function errorResponses<const Codes extends readonly number[]>(...codes: Codes): ErrorResponses<Codes[number]> {
  return Object.fromEntries(codes.map((code) => [code, ErrorBodySchema])) as ErrorResponses<Codes[number]>
}

/** Keyed like an object literal's (`{ 400: … }` has the property "400"), which Fastify's reply typing reads. */
type ErrorResponses<Code extends number> = { [C in Code as `${C}`]: typeof ErrorBodySchema }
