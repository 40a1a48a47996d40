import path from 'node:path'
import { z } from 'zod'
import { Policy, PolicyListSchema, PolicySummary } from '@domain/policy'
import { MyPolicies, policiesForFamily, PolicyQuery, appliesToDistrict, isCurrentOn } from '@domain/policyRules'
import { todayInShanghai } from '@domain/shanghaiTime'
import { notFound } from '../../platform/http/apiError'
import { loadPolicyLibrary } from './library/policyLibrary'

/*
 * 托育政策查询: the policy library served read-only. The library is reviewed content in
 * content/policies/ (checked by npm run policy:check), small enough to hold in memory;
 * the rule for "我能享受哪些" is the domain's (src/domain/policyRules.ts).
 */

/** content/ at the repository root. */
export const DEFAULT_POLICY_ROOT = path.resolve(__dirname, '..', '..', '..', 'content')

/** Loads the library, refusing a broken one: a server must not show a policy the check would fail. */
export async function loadPolicies(root: string = DEFAULT_POLICY_ROOT): Promise<Policy[]> {
  const library = await loadPolicyLibrary(root)
  if (library.problems.length > 0) {
    const first = library.problems[0]
    throw new Error(`政策库有 ${library.problems.length} 个问题，请先运行 npm run policy:check（${first.file}: ${first.message}）`)
  }
  return library.policies.map(({ file: _file, ...policy }) => policy)
}

export const PolicyListQuerySchema = z.object({
  districtCode: z.string().regex(/^\d{6}$/, '区县代码是 6 位数字').optional(),
  /** true: also list policies that have run out (marked 已失效). */
  includeExpired: z.enum(['true', 'false'], { error: 'includeExpired 只能是 true 或 false' }).optional(),
})

const SCOPE_ORDER = { national: 0, province: 1, district: 2 } as const

export function listPolicies(policies: readonly Policy[], query: z.infer<typeof PolicyListQuerySchema>, now = new Date()): z.infer<typeof PolicyListSchema> {
  const today = todayInShanghai(now)
  const items: PolicySummary[] = policies
    .filter((p) => query.includeExpired === 'true' || isCurrentOn(p, today))
    .filter((p) => query.districtCode === undefined || appliesToDistrict(p, query.districtCode))
    .sort((a, b) => SCOPE_ORDER[a.scope] - SCOPE_ORDER[b.scope] || a.id.localeCompare(b.id))
    .map(({ id, title, scope, regionName, kind, issuer, inForce, status, gives }) => ({ id, title, scope, regionName, kind, issuer, inForce, status, gives }))
  return { items, nextCursor: null }
}

export function getPolicy(policies: readonly Policy[], id: string): Policy {
  const policy = policies.find((p) => p.id === id)
  if (!policy) throw notFound('没有找到这条政策')
  return policy
}

export function myPolicies(policies: readonly Policy[], query: PolicyQuery, now = new Date()): MyPolicies {
  return policiesForFamily(policies, query, todayInShanghai(now))
}
