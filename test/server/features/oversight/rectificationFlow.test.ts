import { openTestApp, TestApp } from '@test/support/app'
import { TEST_BACKENDS } from '@test/support/database'
import { requestJson, signInParent, TestSession } from '@test/support/session'
import { signInRegulator, signInStaff } from '@test/support/staffAccounts'
import { seedInstitutions } from '@test/support/bookingFixtures'
import { multipartPhoto, plainPng } from '@test/support/photoFixtures'
import { BEIBEI, YUBEI } from '@test/fixtures/institutions'
import { todayInShanghai } from '@domain/shanghaiTime'

const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10)

interface Notice {
  id: string
  state: string
  outcome: string
  completedOn: string | null
  reports: { description: string; photos: { id: string; url: string }[]; verdict: string | null; verdictReason: string | null }[]
}

describe.each(TEST_BACKENDS)('rectification notices, both sides, on %s', (backend) => {
  let t: TestApp
  let regulator: TestSession
  let staff: TestSession
  let otherStaff: TestSession
  let otherRegulator: TestSession
  const call = (who: TestSession, method: string, url: string, body?: unknown) => requestJson(t.app, method, url, body, who.headers)

  beforeAll(async () => {
    t = await openTestApp(backend)
    await seedInstitutions(t.db, [
      { id: 'inst-a', districtCode: YUBEI.code },
      { id: 'inst-b', districtCode: YUBEI.code },
      { id: 'inst-z', districtCode: BEIBEI.code },
    ])
    regulator = await signInRegulator(t, YUBEI.code)
    otherRegulator = await signInRegulator(t, BEIBEI.code)
    staff = await signInStaff(t, 'inst-a')
    otherStaff = await signInStaff(t, 'inst-b')
  }, 60_000)
  afterAll(() => t.close())

  async function issue(institutionId = 'inst-a', dueOn = inDays(20)): Promise<string> {
    const answer = await call(regulator, 'POST', '/api/v1/staff/rectifications', {
      institutionId,
      issue: '午睡室消防通道堆放杂物',
      requirement: '依据《托育机构设置标准（试行）》第十条，保持疏散通道畅通',
      dueOn,
    })
    expect(answer.status).toBe(201)
    return (answer.body as { id: string }).id
  }

  async function photo(who: TestSession): Promise<string> {
    const body = multipartPhoto(await plainPng(), 'done.png', 'image/png')
    const answer = await t.app.inject({ method: 'POST', url: '/api/v1/uploads', headers: { ...body.headers, ...who.headers }, payload: body.payload })
    expect(answer.statusCode).toBe(201)
    return answer.json().id
  }

  const myNotices = async (who: TestSession) => (await call(who, 'GET', '/api/v1/staff/rectifications')).body as { items: Notice[]; awaitingInstitution: number }

  it('addresses a new notice to the institution: listed, counted for the badge, and its people are notified', async () => {
    const id = await issue()
    const mine = await myNotices(staff)
    expect(mine.items.find((n) => n.id === id)).toMatchObject({ state: 'issued', outcome: 'open', reports: [] })
    expect(mine.awaitingInstitution).toBeGreaterThanOrEqual(1)
    expect((await myNotices(otherStaff)).items.map((n) => n.id)).not.toContain(id)
    const queued = await t.db.query<{ user_id: string }>(`select user_id from notification_outbox where kind = 'rectification_status' and subject_id = $1`, [id])
    expect(queued.rows.map((r) => r.user_id)).toContain(staff.userId)
  })

  it('goes report → send back with a reason → report again → accept, and the public page shows it done on time', async () => {
    const id = await issue()
    const first = await call(staff, 'POST', `/api/v1/staff/rectifications/${id}/report`, { description: '已清理通道杂物，张贴了禁止堆放标识。', attachments: [await photo(staff)] })
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ state: 'reported' })
    // The regulator sees the report with a signed link to its photo, which serves the image.
    const record = (await call(regulator, 'GET', '/api/v1/staff/oversight/institutions/inst-a')).body as { notices: Notice[] }
    const seen = record.notices.find((n) => n.id === id)!
    expect(seen.reports[0].photos).toHaveLength(1)
    const image = await t.app.inject({ url: seen.reports[0].photos[0].url })
    expect(image.statusCode).toBe(200)
    expect(image.headers['content-type']).toMatch(/^image\//)
    // A second report while one waits is a conflict; the regulator sends it back.
    expect((await call(staff, 'POST', `/api/v1/staff/rectifications/${id}/report`, { description: '再次报告整改完成情况。' })).status).toBe(409)
    const back = await call(regulator, 'POST', `/api/v1/staff/rectifications/${id}/return`, { reason: '照片看不到通道全貌，请补拍' })
    expect(back.body).toMatchObject({ state: 'returned', completedOn: null })
    const returned = (await myNotices(staff)).items.find((n) => n.id === id)!
    expect(returned.reports.at(-1)).toMatchObject({ verdict: 'returned', verdictReason: '照片看不到通道全貌，请补拍' })
    expect((await call(regulator, 'POST', `/api/v1/staff/rectifications/${id}/accept`, {})).status).toBe(409)
    expect((await call(staff, 'POST', `/api/v1/staff/rectifications/${id}/report`, { description: '补拍了通道全景照片，已整改到位。', attachments: [await photo(staff)] })).status).toBe(200)
    const accepted = await call(regulator, 'POST', `/api/v1/staff/rectifications/${id}/accept`, { note: '现场复核通过' })
    expect(accepted.body).toMatchObject({ state: 'completed', completedOn: todayInShanghai(), outcome: 'met' })
    const detail = (await requestJson(t.app, 'GET', '/api/v1/institutions/inst-a')).body as { rectifications: { id: string; completedOn: string; outcome: string }[] }
    expect(detail.rectifications.find((n) => n.id === id)).toMatchObject({ completedOn: todayInShanghai(), outcome: 'met' })
    // Every step is audited, and the institution was told of each verdict.
    const audit = await t.db.query<{ action: string }>(`select action from audit_log where subject_kind = 'rectification' and subject_id = $1 order by id`, [id])
    expect(audit.rows.map((r) => r.action)).toEqual(['rectification.report', 'rectification.return', 'rectification.report', 'rectification.accept'])
    const told = await t.db.query<{ n: number }>(`select count(*)::int as n from notification_outbox where subject_id = $1 and user_id = $2`, [id, staff.userId])
    expect(told.rows[0].n).toBe(3)
    const regulatorTold = await t.db.query<{ n: number }>(`select count(*)::int as n from notification_outbox where subject_id = $1 and user_id = $2`, [id, regulator.userId])
    expect(regulatorTold.rows[0].n).toBe(2)
  })

  it('refuses outsiders: other institutions and districts read it as absent, parents are forbidden', async () => {
    const id = await issue()
    expect((await call(otherStaff, 'POST', `/api/v1/staff/rectifications/${id}/report`, { description: '别的机构冒充报告整改。' })).status).toBe(404)
    expect((await call(otherRegulator, 'POST', `/api/v1/staff/rectifications/${id}/return`, { reason: '越权' })).status).toBe(404)
    expect((await call(regulator, 'POST', `/api/v1/staff/rectifications/${id}/report`, { description: '监管人员不能代报告。' })).status).toBe(403)
    expect((await call(await signInParent(t.app), 'GET', '/api/v1/staff/rectifications')).status).toBe(403)
    expect((await call(otherRegulator, 'POST', '/api/v1/staff/rectifications', { institutionId: 'inst-a', issue: '越权', dueOn: inDays(5) })).status).toBe(404)
  })

  it('answers bad input with 400 and writes nothing: short description, another’s photo, too late a deadline', async () => {
    const id = await issue()
    const before = (await t.db.query<{ n: number }>(`select count(*)::int as n from rectification_reports`)).rows[0].n
    expect((await call(staff, 'POST', `/api/v1/staff/rectifications/${id}/report`, { description: '好了' })).status).toBe(400)
    const foreign = await photo(otherStaff)
    const stolen = await call(staff, 'POST', `/api/v1/staff/rectifications/${id}/report`, { description: '用别人的照片报告整改完成。', attachments: [foreign] })
    expect(stolen).toMatchObject({ status: 400, body: { error: { fields: { 'body.attachments': expect.any(String) } } } })
    expect((await t.db.query<{ n: number }>(`select count(*)::int as n from rectification_reports`)).rows[0].n).toBe(before)
    const late = await call(regulator, 'POST', '/api/v1/staff/rectifications', { institutionId: 'inst-a', issue: '问题', dueOn: inDays(400) })
    expect(late).toMatchObject({ status: 400, body: { error: { fields: { 'body.dueOn': expect.stringContaining('最长一年') } } } })
    expect((await call(regulator, 'POST', `/api/v1/staff/rectifications/${id}/return`, { reason: '' })).status).toBe(400)
  })

  it('keeps a report’s photos past the day after which unused uploads are deleted', async () => {
    const id = await issue()
    const photoId = await photo(staff)
    expect((await call(staff, 'POST', `/api/v1/staff/rectifications/${id}/report`, { description: '已整改，照片见附件。', attachments: [photoId] })).status).toBe(200)
    const unused = await photo(staff)
    await t.app.attachmentRetention.runOnce(new Date(Date.now() + 2 * 86_400_000))
    const left = await t.db.query<{ id: string }>(`select id from attachments where id = any($1::text[])`, [[photoId, unused]])
    expect(left.rows.map((r) => r.id)).toEqual([photoId])
  })

  it('lets only one of two simultaneous reports through', async () => {
    const id = await issue()
    const answers = await Promise.all(
      [staff, staff].map((who, i) => call(who, 'POST', `/api/v1/staff/rectifications/${id}/report`, { description: `同时提交的整改报告第 ${i + 1} 份。` })),
    )
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409])
  })
})
