import { FastifySchemaCompiler } from 'fastify'
import fastJson from 'fast-json-stringify'
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { InstitutionSummary, InstitutionSummarySchema } from '@domain/institution'
import { sharedSummariesOf } from './searchCards'
import { SearchPage } from './searchIndex/pageCache'

/*
 * The 200 serializer of GET /api/v1/institutions (issue 11, bar 8: the uncached route's
 * throughput against a route sending the same bytes precomputed). Serialising a page
 * of 20 cards was most of the route's own work, yet all of a card but two fields is
 * the same in every answer from one index snapshot:
 *   - the summary's facts are written by fast-json-stringify compiled from the summary
 *     schema without the two per-answer fields, so the JSON still holds exactly the
 *     schema's properties and nothing else (no per-reply validation: every summary is
 *     checked against the schema where it is made, searchIndex/checkedSummary.ts);
 *   - for a card whose page names its shared, frozen summary (searchCards.ts) that JSON
 *     is kept, keyed by the summary object, so it lives exactly as long as the snapshot
 *     holding it;
 *   - distanceKm and bookable are appended last (JSON objects are unordered; every
 *     answer, cached or not, writes them in this one order).
 * Other statuses keep the validating zod serializer. The OpenAPI document still comes
 * from the zod schema in `schema.response`.
 */

const summaryFactsSchema = InstitutionSummarySchema.omit({ distanceKm: true, bookable: true })
const stringifyFacts = fastJson(z.toJSONSchema(summaryFactsSchema, { io: 'output', target: 'draft-7' }) as Parameters<typeof fastJson>[0])

/** The facts' JSON of each shared summary, without its closing brace. */
const factsJson = new WeakMap<InstitutionSummary, string>()

function openFacts(card: InstitutionSummary, shared: InstitutionSummary | undefined): string {
  // A shared summary stands for the card's facts only if it is the same institution's.
  if (shared === undefined || shared.id !== card.id) return stringifyFacts(card).slice(0, -1)
  let json = factsJson.get(shared)
  if (json === undefined) {
    json = stringifyFacts(shared).slice(0, -1)
    factsJson.set(shared, json)
  }
  return json
}

/** One card: its summary's facts (kept JSON of `shared`, when given), then this answer's distance and 可预约. */
export function stringifyCard(card: InstitutionSummary, shared?: InstitutionSummary): string {
  let json = openFacts(card, shared)
  if (card.distanceKm !== undefined) {
    if (!Number.isFinite(card.distanceKm) || card.distanceKm < 0) throw new Error(`card ${card.id}: distanceKm ${card.distanceKm} is not a distance`)
    json += `,"distanceKm":${card.distanceKm}`
  }
  if (card.bookable !== undefined) json += card.bookable ? ',"bookable":true' : ',"bookable":false'
  return `${json}}`
}

/** `{items, nextCursor}` of a search page. */
export function stringifySearchPage(page: SearchPage): string {
  const shared = sharedSummariesOf(page)
  const cards: string[] = []
  for (let i = 0; i < page.items.length; i++) cards.push(stringifyCard(page.items[i], shared?.[i]))
  return `{"items":[${cards.join(',')}],"nextCursor":${JSON.stringify(page.nextCursor)}}`
}

/** The route's serializerCompiler: the page writer for 200, the zod serializer for the rest. */
export function searchPageSerializer(route: Parameters<FastifySchemaCompiler<unknown>>[0]): (data: unknown) => string {
  const { schema } = route
  if (!(schema instanceof z.ZodType)) throw new Error(`${route.method} ${route.url}: response schemas must be zod schemas`)
  if (route.httpStatus !== '200') return zodSerializerCompiler({ ...route, schema })
  return (data) => stringifySearchPage(data as SearchPage)
}
