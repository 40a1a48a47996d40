import { Policy, PolicyListSchema, PolicySchema, PolicySummary } from '@domain/policy'
import { MyPolicies, MyPoliciesSchema } from '@domain/policyRules'
import { getJson } from './client'

/** 托育政策查询 (docs/api.md "Policies"): public, no sign-in. */

export function getMyPolicies(query: { birthDate?: string; dueDate?: string; districtCode: string }): Promise<MyPolicies> {
  const params: Array<[string, string]> = [['districtCode', query.districtCode]]
  if (query.birthDate) params.push(['birthDate', query.birthDate])
  if (query.dueDate) params.push(['dueDate', query.dueDate])
  return getJson('/api/v1/policies/for-me', MyPoliciesSchema, params)
}

export async function listPolicies(districtCode?: string): Promise<PolicySummary[]> {
  return (await getJson('/api/v1/policies', PolicyListSchema, districtCode ? [['districtCode', districtCode]] : [])).items
}

export function getPolicy(id: string): Promise<Policy> {
  return getJson(`/api/v1/policies/${encodeURIComponent(id)}`, PolicySchema)
}
