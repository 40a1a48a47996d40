import { DistrictSummary } from '@domain/district'
import { InstitutionDetail, InstitutionSummary } from '@domain/institution'

/** Reads the running server's API directly, to check what the browser shows against it. */
export async function getJson<T>(baseUrl: string, pathAndQuery: string, token?: string): Promise<T> {
  const response = await fetch(new URL(pathAndQuery, baseUrl), token ? { headers: { authorization: `Bearer ${token}` } } : undefined)
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

/** A POST (or PUT) as someone, as the app would send it; anything but 2xx is an error with the answer in it. */
export async function postJson<T>(baseUrl: string, path: string, body: unknown, token?: string, method: 'POST' | 'PUT' = 'POST'): Promise<T> {
  const response = await fetch(new URL(path, baseUrl), {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  const text = await response.text()
  if (response.status >= 300) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`)
  return JSON.parse(text) as T
}

/** The district's named demo regulator (演示账号, server/demo/demoAccounts.ts): demo sign-in grants no role itself. */
export async function demoRegulatorToken(baseUrl: string, districtCode: string): Promise<string> {
  return (await postJson<{ token: string }>(baseUrl, '/api/v1/auth/demo', { demoAccount: `regulator-${districtCode}` })).token
}

/**
 * Someone who runs the institution, made the only way there is: the district's demo
 * regulator invites an admin of it, and a signed-in person accepts (docs/api.md, "Accounts and roles").
 */
export async function institutionAdminToken(baseUrl: string, institutionId: string, districtCode: string): Promise<string> {
  const regulator = await demoRegulatorToken(baseUrl, districtCode)
  const invitation = await postJson<{ code: string }>(baseUrl, '/api/v1/staff/invitations', { role: 'institution_admin', institutionId }, regulator)
  const person = await postJson<{ token: string }>(baseUrl, '/api/v1/auth/demo', { nickname: '园长' })
  await postJson(baseUrl, '/api/v1/invitations/accept', { code: invitation.code }, person.token)
  return person.token
}
