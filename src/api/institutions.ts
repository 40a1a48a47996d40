import { DistrictListSchema, DistrictSummary } from '@domain/district'
import { InstitutionDetail, InstitutionDetailSchema, InstitutionSummary, InstitutionSummarySchema } from '@domain/institution'
import { pageSchema } from '@domain/page'
import { InstitutionSearch, toQueryParams } from '@domain/search'
import { getJson } from './client'

/** The institution and district calls of docs/api.md, typed by the domain schemas. */

const InstitutionPageSchema = pageSchema(InstitutionSummarySchema)
export type InstitutionPage = { items: InstitutionSummary[]; nextCursor: string | null }

export function searchInstitutions(search: Partial<InstitutionSearch>): Promise<InstitutionPage> {
  return getJson('/api/v1/institutions', InstitutionPageSchema, toQueryParams(search))
}

export function getInstitution(id: string): Promise<InstitutionDetail> {
  return getJson(`/api/v1/institutions/${encodeURIComponent(id)}`, InstitutionDetailSchema)
}

export async function listDistricts(): Promise<DistrictSummary[]> {
  return (await getJson('/api/v1/districts', DistrictListSchema)).items
}
