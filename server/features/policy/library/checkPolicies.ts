import { regionPrefix } from '@domain/policyRules'
import { loadPolicyLibrary, PolicyLibrary, PolicyProblem } from './policyLibrary'

/*
 * The build check behind `npm run policy:check`: the policy library passes only when every
 * file validates (a policy without a source, a figure without an effective date or source
 * fail in the schema), ids are unique, no expired policy is still marked current, a
 * policy marked verified names its document number and date in force, and regions are
 * consistent. It also lists every policy with its sources (the coverage report).
 */

export interface PolicyCoverageRow {
  id: string
  title: string
  region: string
  verification: string
  figures: number
  sources: string[]
}

export interface PolicyCheck {
  ok: boolean
  problems: PolicyProblem[]
  library: PolicyLibrary
  coverage: PolicyCoverageRow[]
}

export function checkPolicyLibrary(library: PolicyLibrary, today: string): PolicyCheck {
  const problems = [...library.problems]
  const seen = new Map<string, string>()
  for (const policy of library.policies) {
    const file = policy.file
    const earlier = seen.get(policy.id)
    if (earlier) problems.push({ file, message: `id ${policy.id} 与 ${earlier} 重复` })
    seen.set(policy.id, file)
    if (policy.status === 'current' && policy.expires !== undefined && policy.expires < today) {
      problems.push({ file, message: `已于 ${policy.expires} 失效，却仍标为现行（status: current）；请改为 expired` })
    }
    if (policy.verification.state === 'verified' && (policy.documentNo === null || policy.inForce === null)) {
      problems.push({ file, message: '标为已核实（verified）的政策必须写明文号 documentNo 和施行日期 inForce' })
    }
    if (policy.verification.state !== 'verified' && policy.verification.note === undefined) {
      problems.push({ file, message: '未完全核实的政策必须在 verification.note 里说明哪些内容没有核实' })
    }
    if (policy.scope === 'national' && policy.regionCode !== undefined) problems.push({ file, message: '全国性政策不应有 regionCode' })
    if (policy.scope !== 'national' && policy.regionCode === undefined) problems.push({ file, message: '省级和区县政策需要 regionCode' })
    if (policy.scope === 'province' && policy.regionCode !== undefined && regionPrefix(policy.regionCode).length !== 2) {
      problems.push({ file, message: `省级政策的 regionCode 应以 0000 结尾（现为 ${policy.regionCode}）` })
    }
    for (const figure of policy.figures) {
      if (policy.expires !== undefined && figure.effectiveFrom > policy.expires) {
        problems.push({ file, message: `数字"${figure.label}"的生效日期 ${figure.effectiveFrom} 晚于政策失效日期 ${policy.expires}` })
      }
    }
  }
  const coverage = library.policies.map((p) => ({
    id: p.id,
    title: p.title,
    region: p.regionName,
    verification: p.verification.state,
    figures: p.figures.length,
    sources: p.sources.map((s) => `${s.org} · ${s.title}${s.date ? `（${s.date}）` : ''}`),
  }))
  return { ok: problems.length === 0, problems, library, coverage }
}

export async function checkPolicyFolder(root: string, today: string): Promise<PolicyCheck> {
  return checkPolicyLibrary(await loadPolicyLibrary(root), today)
}

const VERIFICATION_NAMES: Record<string, string> = { verified: '已核实', partial: '部分核实', unverified: '未核实' }

export function formatPolicyCheck(check: PolicyCheck): string {
  const out: string[] = []
  if (check.problems.length > 0) {
    out.push(`政策检查未通过：${check.problems.length} 个问题`)
    for (const p of check.problems) out.push(`  ✗ ${p.file}: ${p.message}`)
    out.push('')
  }
  out.push(`== 政策库：${check.coverage.length} 条 ==`)
  for (const row of check.coverage) {
    out.push(`${row.id}  ${row.title}  [${row.region} · ${VERIFICATION_NAMES[row.verification]} · ${row.figures} 个数字]`)
    for (const source of row.sources) out.push(`    来源：${source}`)
  }
  const unverified = check.coverage.filter((r) => r.verification !== 'verified').length
  out.push('', `其中未完全核实：${unverified} 条（见各条 verification.note）`)
  return out.join('\n')
}
