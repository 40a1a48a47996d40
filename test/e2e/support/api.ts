import { DistrictSummary } from '@domain/district'
import { InstitutionDetail, InstitutionSummary } from '@domain/institution'

/** Reads the running server's API directly, to check what the browser shows against it. */
export async function getJson<T>(baseUrl: string, pathAndQuery: string): Promise<T> {
  const response = await fetch(new URL(pathAndQuery, baseUrl))
  const text = await response.text()
  if (response.status !== 200) throw new Error(`GET ${pathAndQuery} answered ${response.status}: ${text.slice(0, 500)}`)
  return JSON.parse(text) as T
}

export interface InstitutionPage {
  items: InstitutionSummary[]
  nextCursor: string | null
}

export function searchPage(baseUrl: string, pathAndQuery: string): Promise<InstitutionPage> {
  return getJson<InstitutionPage>(baseUrl, pathAndQuery)
}

export function institutionDetail(baseUrl: string, id: string): Promise<InstitutionDetail> {
  return getJson<InstitutionDetail>(baseUrl, `/api/v1/institutions/${encodeURIComponent(id)}`)
}

/** docs/api.md names the fields, not the envelope: accept a list or {items}. */
export async function districtList(baseUrl: string): Promise<DistrictSummary[]> {
  const answer = await getJson<DistrictSummary[] | { items: DistrictSummary[] }>(baseUrl, '/api/v1/districts')
  return Array.isArray(answer) ? answer : answer.items
}
