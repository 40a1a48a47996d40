import fastJson from 'fast-json-stringify'
import { z } from 'zod'
import { InstitutionSummary, InstitutionSummarySchema } from '@domain/institution'

/*
 * A summary's facts as the search route writes them: JSON of every field of the summary
 * schema except the two each answer sets for itself (distanceKm, bookable), as UTF-8,
 * without the closing brace, so an answer appends its own fields and closes the card
 * (searchPageSerializer.ts). Written by fast-json-stringify compiled from the schema, so
 * the JSON holds exactly the schema's properties and nothing else; no per-reply
 * validation: every summary is checked against the schema where it is made
 * (searchIndex/checkedSummary.ts). The search index keeps each institution's facts once
 * written, for as long as its snapshot lives (InstitutionIndex.hitPage).
 */

const summaryFactsSchema = InstitutionSummarySchema.omit({ distanceKm: true, bookable: true })
const stringifyFacts = fastJson(z.toJSONSchema(summaryFactsSchema, { io: 'output', target: 'draft-7' }) as Parameters<typeof fastJson>[0])

/** The summary's facts, UTF-8 JSON without its closing brace. */
export function summaryFactsJson(summary: InstitutionSummary): Buffer {
  return Buffer.from(stringifyFacts(summary).slice(0, -1), 'utf8')
}
