import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { checkPolicyFolder, formatPolicyCheck, PolicyCheck } from '@server/features/policy/library/checkPolicies'
import { repoPath, REPO_ROOT } from '@test/support/repoPaths'

const FIXTURES = repoPath('test', 'fixtures', 'policies')
const GOOD = path.join(FIXTURES, 'good')
const TODAY = '2026-11-29'

const folders: string[] = []
afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })))
})

/** The good library with one broken fixture laid over it. */
async function brokenLibrary(kind: string): Promise<PolicyCheck> {
  const folder = await mkdtemp(path.join(tmpdir(), `policies-${kind}-`))
  folders.push(folder)
  await cp(GOOD, folder, { recursive: true })
  await cp(path.join(FIXTURES, 'broken', kind), folder, { recursive: true })
  return checkPolicyFolder(folder, TODAY)
}

function messages(check: PolicyCheck): string[] {
  return check.problems.map((p) => `${p.file}: ${p.message}`)
}

describe('the policy library check', () => {
  it('passes the good fixture library', async () => {
    const check = await checkPolicyFolder(GOOD, TODAY)
    expect(messages(check)).toEqual([])
    expect(check.library.policies.map((p) => p.id).sort()).toEqual(['fixture-old-measure', 'fixture-subsidy'])
  })

  it('fails a policy without a source', async () => {
    const check = await brokenLibrary('missing-source')
    expect(check.ok).toBe(false)
    expect(messages(check)).toEqual(['policies/fixture-subsidy.md: sources：每条政策至少列出一个来源 sources'])
  })

  it('fails a figure without an effective date', async () => {
    const check = await brokenLibrary('missing-date')
    expect(check.ok).toBe(false)
    expect(messages(check)).toEqual(['policies/fixture-subsidy.md: figures.0.effectiveFrom：每个数字都需要生效日期 effectiveFrom（YYYY-MM-DD）'])
  })

  it('fails an expired policy still shown as current', async () => {
    const check = await brokenLibrary('expired-as-current')
    expect(check.ok).toBe(false)
    expect(messages(check)).toEqual(['policies/fixture-old-measure.md: 已于 2022-12-31 失效，却仍标为现行（status: current）；请改为 expired'])
  })

  it('passes the real library, which covers what the issue asks for, every policy with a source', async () => {
    const check = await checkPolicyFolder(path.join(REPO_ROOT, 'content'), TODAY)
    expect(messages(check)).toEqual([])
    const ids = check.library.policies.map((p) => p.id)
    for (const id of [
      'national-childcare-subsidy',
      'national-infant-care-tax-deduction',
      'national-affordable-care',
      'chongqing-leave',
      'sichuan-leave',
      'national-employer-care',
      'yubei-trial-vouchers',
      'yubei-open-days',
      'dazu-childcare-targets',
      'beibei-childcare-measures',
      'guangyuan-childcare-measures',
      'yanjiang-childcare-measures',
    ]) {
      expect(ids).toContain(id)
    }
    for (const row of check.coverage) expect(row.sources.length).toBeGreaterThan(0)
    const report = formatPolicyCheck(check)
    for (const row of check.coverage) expect(report).toContain(row.id)
  })
})
