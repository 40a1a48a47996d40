import { openTestApp, TestApp } from '@test/support/app'
import { TEST_BACKENDS } from '@test/support/database'
import { requestJson, signInParent, TestSession } from '@test/support/session'
import { signInRegulator, signInStaff } from '@test/support/staffAccounts'
import { seedInstitutions } from '@test/support/bookingFixtures'
import { complaintBody, fileComplaint } from '@test/server/features/complaint/complaintFixtures'
import { BEIBEI, YUBEI } from '@test/fixtures/institutions'
import { todayInShanghai } from '@domain/shanghaiTime'

const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString().slice(0, 10)

describe.each(TEST_BACKENDS)('the regulator’s institutions: picker, inspections, grades, complaint audit trail on %s', (backend) => {
  let t: TestApp
  let regulator: TestSession
  let beibeiRegulator: TestSession
  const call = (who: TestSession, method: string, url: string, body?: unknown) => requestJson(t.app, method, url, body, who.headers)

  beforeAll(async () => {
    t = await openTestApp(backend)
    await seedInstitutions(t.db, [
      { id: 'inst-sun', name: '阳光宝贝托育中心', districtCode: YUBEI.code },
      { id: 'inst-moon', name: '月亮湾托育园', districtCode: YUBEI.code },
      { id: 'inst-north', name: '北碚小树苗托育', districtCode: BEIBEI.code },
    ])
    regulator = await signInRegulator(t, YUBEI.code, '渝北区卫健委王科长')
    beibeiRegulator = await signInRegulator(t, BEIBEI.code)
  }, 60_000)
  afterAll(() => t.close())

  it('finds the district’s institutions by name or pinyin initials, one page at a time, and none of another district', async () => {
    const byName = (await call(regulator, 'GET', '/api/v1/staff/oversight/institutions?q=阳光')).body as { items: { id: string }[] }
    expect(byName.items.map((i) => i.id)).toEqual(['inst-sun'])
    const byInitials = (await call(regulator, 'GET', '/api/v1/staff/oversight/institutions?q=YG')).body as { items: { id: string }[] }
    expect(byInitials.items.map((i) => i.id)).toContain('inst-sun')
    const first = (await call(regulator, 'GET', '/api/v1/staff/oversight/institutions?limit=1')).body as { items: { id: string }[]; nextCursor: string }
    const second = (await call(regulator, 'GET', `/api/v1/staff/oversight/institutions?limit=1&cursor=${encodeURIComponent(first.nextCursor)}`)).body as {
      items: { id: string }[]
      nextCursor: string | null
    }
    expect([...first.items, ...second.items].map((i) => i.id).sort()).toEqual(['inst-moon', 'inst-sun'])
    expect(second.nextCursor).toBeNull()
    expect((await call(regulator, 'GET', '/api/v1/staff/oversight/institutions/inst-north')).status).toBe(404)
    expect((await call(await signInStaff(t, 'inst-sun'), 'GET', '/api/v1/staff/oversight/institutions')).status).toBe(403)
  })

  it('records an inspection that the public page shows at once, and refuses a future date', async () => {
    const answer = await call(regulator, 'POST', '/api/v1/staff/oversight/institutions/inst-sun/inspections', {
      inspectedOn: daysAgo(2),
      result: 'rectification_required',
      summary: '消防通道堆放杂物，需整改',
    })
    expect(answer.status).toBe(201)
    expect((answer.body as { inspections: unknown[] }).inspections).toContainEqual(expect.objectContaining({ result: 'rectification_required', inspectedOn: daysAgo(2) }))
    const detail = (await requestJson(t.app, 'GET', '/api/v1/institutions/inst-sun')).body as { inspections: { summary: string; authority: string }[] }
    expect(detail.inspections).toContainEqual(expect.objectContaining({ summary: '消防通道堆放杂物，需整改', authority: '重庆市渝北区卫生健康委员会' }))
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10)
    const future = await call(regulator, 'POST', '/api/v1/staff/oversight/institutions/inst-sun/inspections', { inspectedOn: tomorrow, result: 'passed', summary: '合格' })
    expect(future.status).toBe(400)
    expect((await call(beibeiRegulator, 'POST', '/api/v1/staff/oversight/institutions/inst-sun/inspections', { inspectedOn: daysAgo(1), result: 'passed', summary: '越权' })).status).toBe(404)
    const audit = await t.db.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'inspection.record' and subject_id = 'inst-sun'`)
    expect(audit.rows[0].n).toBe(1)
  })

  it('grades on the district’s own scale, shows it publicly, keeps the change in the audit log', async () => {
    const record = (await call(regulator, 'GET', '/api/v1/staff/oversight/institutions/inst-moon')).body as { grade: unknown; gradeScale: { grade: string; label: string }[] }
    expect(record.grade).toBeNull()
    expect(record.gradeScale.map((s) => s.label)).toEqual(['一级', '二级', '三级'])
    expect((await requestJson(t.app, 'GET', '/api/v1/institutions/inst-moon')).body).toMatchObject({ grade: null })
    expect((await call(regulator, 'PUT', '/api/v1/staff/oversight/institutions/inst-moon/grade', { grade: 'level_2' })).status).toBe(200)
    expect((await call(regulator, 'PUT', '/api/v1/staff/oversight/institutions/inst-moon/grade', { grade: 'level_1' })).status).toBe(200)
    const detail = (await requestJson(t.app, 'GET', '/api/v1/institutions/inst-moon')).body
    expect(detail).toMatchObject({ grade: { grade: 'level_1', label: '一级', rank: 1, scaleSize: 3, scaleSource: '演示数据', gradedOn: todayInShanghai() } })
    const bad = await call(regulator, 'PUT', '/api/v1/staff/oversight/institutions/inst-moon/grade', { grade: 'level_9' })
    expect(bad).toMatchObject({ status: 400, body: { error: { fields: { 'body.grade': '等级应为：一级、二级、三级' } } } })
    const audit = await t.db.query<{ detail: { from: string | null; to: string } }>(`select detail from audit_log where action = 'grade.set' and subject_id = 'inst-moon' order by id`)
    expect(audit.rows.map((r) => [r.detail.from, r.detail.to])).toEqual([[null, 'level_2'], ['level_2', 'level_1']])
  })

  it('does not grade where the district has no scale: no grade on the public page, 409 to set one', async () => {
    expect((await requestJson(t.app, 'GET', '/api/v1/institutions/inst-north')).body).not.toHaveProperty('grade')
    expect((await call(beibeiRegulator, 'PUT', '/api/v1/staff/oversight/institutions/inst-north/grade', { grade: 'a' })).status).toBe(409)
  })

  it('shows who did what, when, on one complaint (the audit trail), only to the district’s regulators', async () => {
    const parent = await signInParent(t.app)
    const { trackingNo } = await fileComplaint(t.app, parent, complaintBody({ institutionId: 'inst-sun' }))
    expect((await call(regulator, 'POST', `/api/v1/staff/complaints/${trackingNo}/accept`, { note: '已受理' })).status).toBe(200)
    const dueOn = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10)
    expect((await call(regulator, 'POST', '/api/v1/staff/rectifications', { institutionId: 'inst-sun', issue: '午睡无人看护', dueOn, trackingNo })).status).toBe(201)
    const trail = await call(regulator, 'GET', `/api/v1/staff/complaints/${trackingNo}/audit`)
    expect(trail.status).toBe(200)
    const items = (trail.body as { items: { action: string; actionLabel: string; actor: string; note: string | null }[] }).items
    expect(items.map((i) => i.action)).toEqual(['complaint.accept', 'complaint.rectification_issued'])
    expect(items[0]).toMatchObject({ actionLabel: '受理', actor: '渝北区卫健委王科长', note: '已受理' })
    expect((await call(beibeiRegulator, 'GET', `/api/v1/staff/complaints/${trackingNo}/audit`)).status).toBe(404)
    expect((await call(parent, 'GET', `/api/v1/staff/complaints/${trackingNo}/audit`)).status).toBe(403)
  })
})
