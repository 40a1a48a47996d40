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

/*
 * Page buffers are cut from a shared slab, as Node cuts small Buffers from its 8 KiB pool:
 * a page (~13–18 KiB) is past that pool's limit, and a fresh ArrayBuffer per answer was
 * a tenth of the serializer's time and most of its garbage. A slab is never written twice:
 * each page gets bytes no other page had, and the slab is freed once no page from it is
 * still referenced (sent, or kept by a cache). A page is written straight into the slab
 * in one pass, once room for its longest possible length is there, and takes only the
 * bytes it wrote: no string per card, no second pass to measure.
 */
const SLAB_BYTES = 256 * 1024
let slab = Buffer.allocUnsafeSlow(SLAB_BYTES)
let slabUsed = 0

/** The most a card's end can take: `,"distanceKm":` and a number, `,"bookable":false`, `}` and `,`. */
const MOST_CARD_END_BYTES = 14 + 24 + 17 + 2

const OPENING = Buffer.from('{"items":[', 'latin1')
const DISTANCE = Buffer.from(',"distanceKm":', 'latin1')
const BOOKABLE = Buffer.from(',"bookable":true}', 'latin1')
const NOT_BOOKABLE = Buffer.from(',"bookable":false}', 'latin1')
const CLOSE = Buffer.from('}', 'latin1')

/** Copies a short constant (a piece of a card's end, under 20 bytes) byte by byte. */
function put(bytes: Buffer, at: number, constant: Buffer): number {
  for (let i = 0; i < constant.length; i++) bytes[at + i] = constant[i]
  return at + constant.length
}

/** Writes ASCII text (a number's digits) byte by byte. */
function putAscii(bytes: Buffer, at: number, text: string): number {
  for (let i = 0; i < text.length; i++) bytes[at + i] = text.charCodeAt(i)
  return at + text.length
}

/**
 * A distance as JSON writes it. Distances are rounded to hundredths (roundDistanceKm), and
 * the double nearest to h/100 prints as that decimal with trailing zeros dropped, so those
 * are written digit by digit without a string; any other number goes through String().
 */
function putDistance(bytes: Buffer, at: number, km: number): number {
  const hundredths = Math.round(km * 100)
  if (hundredths / 100 !== km || hundredths > 0x3fffffff) return putAscii(bytes, at, String(km))
  let whole = (hundredths / 100) | 0
  const fraction = hundredths - whole * 100
  // The whole part's digits, most significant first.
  let digits = 1
  for (let rest = whole; rest >= 10; rest = (rest / 10) | 0) digits++
  for (let i = digits - 1; i >= 0; i--) {
    bytes[at + i] = 0x30 + (whole % 10)
    whole = (whole / 10) | 0
  }
  at += digits
  if (fraction === 0) return at
  bytes[at++] = 0x2e // .
  bytes[at++] = 0x30 + ((fraction / 10) | 0)
  if (fraction % 10 !== 0) bytes[at++] = 0x30 + (fraction % 10)
  return at
}

/** What follows a card's facts: this answer's distance and 可预约 (each when given), and the closing brace. */
function putCardEnd(bytes: Buffer, at: number, id: string, distanceKm: number | undefined, bookable: boolean | undefined): number {
  if (distanceKm !== undefined) {
    if (!Number.isFinite(distanceKm) || distanceKm < 0) throw new Error(`card ${id}: distanceKm ${distanceKm} is not a distance`)
    at = putDistance(bytes, put(bytes, at, DISTANCE), distanceKm)
  }
  return put(bytes, at, bookable === undefined ? CLOSE : bookable ? BOOKABLE : NOT_BOOKABLE)
}

/** One card as JSON: the summary's facts, then this answer's fields, written as a page writes them. */
export function stringifyCard(summary: InstitutionSummary, fields: PerAnswerFields = {}): string {
  const facts = summaryFactsJson(summary)
  const bytes = Buffer.allocUnsafe(facts.length + MOST_CARD_END_BYTES)
  const end = putCardEnd(bytes, facts.copy(bytes, 0), summary.id, fields.distanceKm, fields.bookable)
  return bytes.toString('utf8', 0, end)
}

/** Where a page of at most `most` bytes is written: the slab with that much room, or a Buffer of its own. */
function roomFor(most: number): { bytes: Buffer; start: number } {
  if (most > SLAB_BYTES / 4) return { bytes: Buffer.allocUnsafe(most), start: 0 }
  if (slabUsed + most > SLAB_BYTES) {
    slab = Buffer.allocUnsafeSlow(SLAB_BYTES)
    slabUsed = 0
  }
  return { bytes: slab, start: slabUsed }
}

/** `{items, nextCursor}` of a search answer, as UTF-8 JSON. */
export function searchAnswerBytes({ page, bookable }: SearchAnswer): Buffer {
  const { summaries, ids, distancesKm } = page
  const count = summaries.length
  const facts = page.factsJson ?? summaries.map(summaryFactsJson)
  const finish = `],"nextCursor":${JSON.stringify(page.nextCursor)}}`
  let most = OPENING.length + Buffer.byteLength(finish, 'utf8')
  for (let i = 0; i < count; i++) most += facts[i].length + MOST_CARD_END_BYTES
  const { bytes, start } = roomFor(most)
  let at = put(bytes, start, OPENING)
  for (let i = 0; i < count; i++) {
    if (i > 0) bytes[at++] = 0x2c // ,
    at += facts[i].copy(bytes, at)
    // This answer's fields after the facts (see the top of this file), then the card's brace.
    at = putCardEnd(bytes, at, ids[i], distancesKm?.[i], bookable.has(ids[i]))
  }
  at += bytes.write(finish, at, 'utf8')
  if (at - start > most) throw new Error(`search page: wrote ${at - start} bytes, room for ${most}`)
  if (bytes !== slab) return bytes.subarray(0, at)
  // The next page on an 8-byte boundary, as Node's pool aligns.
  slabUsed = (at + 7) & ~7
  return bytes.subarray(start, at)
}

/** The route's serializerCompiler: the answer writer for 200, the zod serializer for the rest. */
export function searchPageSerializer(route: Parameters<FastifySchemaCompiler<unknown>>[0]): (data: unknown) => string {
  const { schema } = route
  if (!(schema instanceof z.ZodType)) throw new Error(`${route.method} ${route.url}: response schemas must be zod schemas`)
  if (route.httpStatus !== '200') return zodSerializerCompiler({ ...route, schema })
  // Typed as a string by Fastify's serializer signature; the Buffer is sent as it is (see above).
  return (data) => searchAnswerBytes(data as SearchAnswer) as unknown as string
}
