import { FastifySchemaCompiler } from 'fastify'
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { InstitutionSummary } from '@domain/institution'
import { PerAnswerFields, SearchAnswer } from './searchCards'
import { summaryFactsJson } from './summaryFacts'

/*
 * The 200 serializer of GET /api/v1/institutions (issue 11, bar 8: the uncached route's
 * throughput against a route sending the same bytes precomputed). The route answers a
 * SearchAnswer (searchCards.ts): the page's summaries, their distances and the 可预约 set;
 * no card object is made. All of a card but two fields is the same in every answer from
 * one index snapshot:
 *   - each summary's facts JSON (summaryFacts.ts) is kept by the index once written, and a
 *     page from the index carries it (HitPage.factsJson); a summary from SQL is written
 *     afresh;
 *   - distanceKm and bookable are appended last (JSON objects are unordered; every
 *     answer, cached or not, writes them in this one order);
 *   - the page is one Buffer, copied together from those bytes: no string of the whole
 *     page is built, measured (Content-Length) and encoded again for every answer, which
 *     the profile showed cost as much as the rest of the serialising. Fastify sends a
 *     Buffer from a serializer as it is (reply.js, onSendEnd: a string or a Buffer).
 * Other statuses keep the validating zod serializer. The OpenAPI document still comes
 * from the zod schema in `schema.response`.
 */

/** What follows a card's facts: this answer's distance and 可预约, and the closing brace (ASCII only). */
function cardEnd(id: string, distanceKm: number | undefined, bookable: boolean | undefined): string {
  let end = ''
  if (distanceKm !== undefined) {
    if (!Number.isFinite(distanceKm) || distanceKm < 0) throw new Error(`card ${id}: distanceKm ${distanceKm} is not a distance`)
    end += `,"distanceKm":${distanceKm}`
  }
  if (bookable !== undefined) end += bookable ? ',"bookable":true' : ',"bookable":false'
  return `${end}}`
}

/** One card as JSON: the summary's facts, then this answer's fields. */
export function stringifyCard(summary: InstitutionSummary, fields: PerAnswerFields = {}): string {
  return summaryFactsJson(summary).toString('utf8') + cardEnd(summary.id, fields.distanceKm, fields.bookable)
}

/*
 * Page buffers are cut from a shared slab, as Node cuts small Buffers from its 8 KiB pool:
 * a page (~13–18 KiB) is past that pool's limit, and a fresh ArrayBuffer per answer was
 * a tenth of the serializer's time and most of its garbage. A slab is never written twice:
 * each page gets bytes no other page had, and the slab is freed once no page from it is
 * still referenced (sent, or kept by a cache).
 */
const SLAB_BYTES = 256 * 1024
let slab = Buffer.allocUnsafeSlow(SLAB_BYTES)
let slabUsed = 0

function pageBuffer(length: number): Buffer {
  if (length > SLAB_BYTES / 4) return Buffer.allocUnsafe(length)
  if (slabUsed + length > SLAB_BYTES) {
    slab = Buffer.allocUnsafeSlow(SLAB_BYTES)
    slabUsed = 0
  }
  const bytes = slab.subarray(slabUsed, slabUsed + length)
  // Next page on an 8-byte boundary, as Node's pool aligns.
  slabUsed += (length + 7) & ~7
  return bytes
}

/** `{items, nextCursor}` of a search answer, as UTF-8 JSON. */
export function searchAnswerBytes({ page, bookable }: SearchAnswer): Buffer {
  const { summaries, ids, distancesKm } = page
  const count = summaries.length
  const facts = page.factsJson ?? summaries.map(summaryFactsJson)
  // The ASCII before each card's facts: the page's opening, or the previous card's end and a comma.
  const before: string[] = new Array(count)
  const opening = '{"items":['
  let previousEnd = opening
  let length = 0
  for (let i = 0; i < count; i++) {
    before[i] = i === 0 ? opening : `${previousEnd},`
    previousEnd = cardEnd(ids[i], distancesKm?.[i], bookable.has(ids[i]))
    length += before[i].length + facts[i].length
  }
  const finish = `${previousEnd}],"nextCursor":${JSON.stringify(page.nextCursor)}}`
  length += Buffer.byteLength(finish, 'utf8')
  const bytes = pageBuffer(length)
  let at = 0
  for (let i = 0; i < count; i++) {
    at += bytes.write(before[i], at, 'latin1')
    at += facts[i].copy(bytes, at)
  }
  at += bytes.write(finish, at, 'utf8')
  if (at !== length) throw new Error(`search page: wrote ${at} bytes of ${length}`)
  return bytes
}

/** The route's serializerCompiler: the answer writer for 200, the zod serializer for the rest. */
export function searchPageSerializer(route: Parameters<FastifySchemaCompiler<unknown>>[0]): (data: unknown) => string {
  const { schema } = route
  if (!(schema instanceof z.ZodType)) throw new Error(`${route.method} ${route.url}: response schemas must be zod schemas`)
  if (route.httpStatus !== '200') return zodSerializerCompiler({ ...route, schema })
  // Typed as a string by Fastify's serializer signature; the Buffer is sent as it is (see above).
  return (data) => searchAnswerBytes(data as SearchAnswer) as unknown as string
}
