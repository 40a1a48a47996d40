import { EnrollmentSchema } from '@domain/enrollment'
import { openTestApp, TestApp } from '@test/support/app'
import { TEST_BACKENDS } from '@test/support/database'
import { addChild, requestJson, signInParent, TestSession } from '@test/support/session'
import { signInStaff } from '@test/support/staffAccounts'
import { monthFromNow, seedInstitutions } from '@test/support/bookingFixtures'

describe.each(TEST_BACKENDS)('enrollments on %s', (backend) => {
  let t: TestApp
  let staff: TestSession

  // inst-e: 10 places, 8 enrolled → two vacancies. Full-day and hourly care.
  beforeAll(async () => {
    t = await openTestApp(backend)
    await seedInstitutions(t.db, [{ id: 'inst-e', capacity: 10, enrolled: 8 }, { id: 'inst-other' }])
    staff = await signInStaff(t, 'inst-e')
  })
  afterAll(() => t.close())
  beforeEach(async () => {
    await t.db.query(`delete from enrollments`)
    await t.db.query(`update institutions set capacity = 10, enrolled = 8 where id = 'inst-e'`)
  })

  async function apply(overrides: Record<string, unknown> = {}, parent?: TestSession) {
    const who = parent ?? (await signInParent(t.app))
    const child = await addChild(t.app, who)
    const body = { institutionId: 'inst-e', childId: child.id, careMode: 'full_day', startMonth: monthFromNow(1), contactPhone: '13912345678', ...overrides }
    const answer = await requestJson(t.app, 'POST', '/api/v1/enrollments', body, who.headers)
    return { ...answer, parent: who, childId: child.id }
  }

  const position = async (id: string, parent: TestSession) =>
    ((await requestJson(t.app, 'GET', `/api/v1/enrollments/${id}`, undefined, parent.headers)).body as { waitlistPosition: number | null }).waitlistPosition

  it('submits while there is a vacancy, then puts applicants on the waitlist in order', async () => {
    const answers = []
    for (let i = 0; i < 4; i++) answers.push(await apply())
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201])
    const bodies = answers.map((a) => EnrollmentSchema.parse(a.body))
    expect(bodies.map((b) => [b.status, b.waitlistPosition])).toEqual([
      ['submitted', null],
      ['submitted', null],
      ['waitlisted', 1],
      ['waitlisted', 2],
    ])
    expect(bodies[0]).toMatchObject({ institution: { id: 'inst-e' }, careMode: 'full_day', contactPhone: '13912345678' })
  })

  it('moves the line up when someone ahead withdraws, and a vacancy to the head of the line', async () => {
    const [a, , c, d, e] = [await apply(), await apply(), await apply(), await apply(), await apply()]
    const ids = [c, d, e].map((x) => (x.body as { id: string }).id)
    // d leaves the line: e moves from 3 to 2.
    expect((await requestJson(t.app, 'POST', `/api/v1/enrollments/${ids[1]}/withdraw`, undefined, d.parent.headers)).body).toMatchObject({
      status: 'withdrawn',
      waitlistPosition: null,
    })
    expect(await position(ids[2], e.parent)).toBe(2)
    // a withdraws a submitted application: its vacancy goes to c, the head of the line; e becomes 1.
    await requestJson(t.app, 'POST', `/api/v1/enrollments/${(a.body as { id: string }).id}/withdraw`, undefined, a.parent.headers)
    expect((await requestJson(t.app, 'GET', `/api/v1/enrollments/${ids[0]}`, undefined, c.parent.headers)).body).toMatchObject({ status: 'submitted' })
    expect(await position(ids[2], e.parent)).toBe(1)
    const notices = await t.db.query(`select 1 from notification_outbox where kind = 'enrollment_status' and subject_id = $1`, [ids[0]])
    expect(notices.rowCount).toBe(1)
  })

  it('admits through staff, taking a place and bumping the search index version', async () => {
    const a = await apply()
    const id = (a.body as { id: string }).id
    const before = await t.db.query<{ version: number }>('select version from search_index_version')
    const admitted = await requestJson(t.app, 'POST', `/api/v1/staff/enrollments/${id}/admit`, undefined, staff.headers)
    expect(admitted).toMatchObject({ status: 200, body: { status: 'admitted', contactPhone: '139****5678' } })
    expect((await t.db.query<{ enrolled: number }>(`select enrolled from institutions where id = 'inst-e'`)).rows[0].enrolled).toBe(9)
    const after = await t.db.query<{ version: number }>('select version from search_index_version')
    expect(after.rows[0].version).not.toEqual(before.rows[0]?.version)
    expect((await requestJson(t.app, 'POST', `/api/v1/staff/enrollments/${id}/admit`, undefined, staff.headers)).status).toBe(409)
  })

  it('refuses to admit past capacity', async () => {
    const a = await apply()
    await t.db.query(`update institutions set enrolled = 10 where id = 'inst-e'`)
    const answer = await requestJson(t.app, 'POST', `/api/v1/staff/enrollments/${(a.body as { id: string }).id}/admit`, undefined, staff.headers)
    expect(answer).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT' } } })
    expect((await t.db.query<{ enrolled: number }>(`select enrolled from institutions where id = 'inst-e'`)).rows[0].enrolled).toBe(10)
  })

  it('declines through staff and lets the waitlist move up', async () => {
    const [a, , c] = [await apply(), await apply(), await apply()]
    const declined = await requestJson(t.app, 'POST', `/api/v1/staff/enrollments/${(a.body as { id: string }).id}/decline`, undefined, staff.headers)
    expect(declined.body).toMatchObject({ status: 'declined' })
    expect((await requestJson(t.app, 'GET', `/api/v1/enrollments/${(c.body as { id: string }).id}`, undefined, c.parent.headers)).body).toMatchObject({
      status: 'submitted',
    })
  })

  it('lists the waitlist in line order for staff, phones masked', async () => {
    await apply()
    await apply()
    const c = await apply()
    const d = await apply()
    const answer = await requestJson(t.app, 'GET', '/api/v1/staff/enrollments?status=waitlisted', undefined, staff.headers)
    const items = (answer.body as { items: { id: string; waitlistPosition: number; contactPhone: string }[] }).items
    expect(items.map((i) => [i.id, i.waitlistPosition])).toEqual([
      [(c.body as { id: string }).id, 1],
      [(d.body as { id: string }).id, 2],
    ])
    expect(items[0].contactPhone).toBe('139****5678')
  })

  it('allows one open application per child per institution', async () => {
    const a = await apply()
    const again = await requestJson(
      t.app,
      'POST',
      '/api/v1/enrollments',
      { institutionId: 'inst-e', childId: a.childId, careMode: 'full_day', startMonth: monthFromNow(2), contactPhone: '13912345678' },
      a.parent.headers,
    )
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT' } } })
  })

  it('refuses a start month in the past or more than 12 months ahead, and a care mode not offered', async () => {
    expect(await apply({ startMonth: monthFromNow(-1) })).toMatchObject({ status: 400, body: { error: { fields: { 'body.startMonth': expect.any(String) } } } })
    expect((await apply({ startMonth: monthFromNow(13) })).status).toBe(400)
    expect((await apply({ startMonth: monthFromNow(12) })).status).toBe(201)
    expect(await apply({ careMode: 'temporary' })).toMatchObject({ status: 400, body: { error: { fields: { 'body.careMode': '该机构不提供这种托育方式' } } } })
    expect((await t.db.query(`select 1 from enrollments`)).rowCount).toBe(1)
  })

  it('refuses a child outside the age range at the start month', async () => {
    const parent = await signInParent(t.app)
    const baby = await addChild(t.app, parent, { birthDate: new Date(Date.now() - 30 * 86400_000).toISOString().slice(0, 10) })
    const answer = await requestJson(
      t.app,
      'POST',
      '/api/v1/enrollments',
      { institutionId: 'inst-e', childId: baby.id, careMode: 'full_day', startMonth: monthFromNow(1), contactPhone: '13912345678' },
      parent.headers,
    )
    expect(answer).toMatchObject({ status: 422, body: { error: { code: 'AGE_NOT_ACCEPTED' } } })
  })

  it('hides another family’s application: 404 to another parent and to staff of another institution', async () => {
    const a = await apply()
    const id = (a.body as { id: string }).id
    const other = await signInParent(t.app)
    const otherStaff = await signInStaff(t, 'inst-other')
    expect((await requestJson(t.app, 'GET', `/api/v1/enrollments/${id}`, undefined, other.headers)).status).toBe(404)
    expect((await requestJson(t.app, 'POST', `/api/v1/enrollments/${id}/withdraw`, undefined, other.headers)).status).toBe(404)
    expect((await requestJson(t.app, 'POST', `/api/v1/staff/enrollments/${id}/admit`, undefined, otherStaff.headers)).status).toBe(404)
    expect((await requestJson(t.app, 'POST', `/api/v1/staff/enrollments/${id}/decline`, undefined, otherStaff.headers)).status).toBe(404)
    expect((await requestJson(t.app, 'GET', '/api/v1/staff/enrollments', undefined, otherStaff.headers)).body).toMatchObject({ items: [] })
    // another parent's child, and an unknown institution
    expect((await apply({ childId: a.childId })).status).toBe(404)
    expect((await apply({ institutionId: 'nope' })).status).toBe(404)
  })

  it('forbids parents the staff routes', async () => {
    const parent = await signInParent(t.app)
    expect((await requestJson(t.app, 'GET', '/api/v1/staff/enrollments', undefined, parent.headers)).status).toBe(403)
  })

  it('withdraws a deleted child’s open applications, keeping an anonymous record', async () => {
    const a = await apply()
    const c = await apply()
    await apply()
    const waiting = await apply()
    expect((await requestJson(t.app, 'DELETE', `/api/v1/me/children/${a.childId}`, undefined, a.parent.headers)).status).toBe(204)
    const row = await t.db.query(`select child_id, child_nickname, status from enrollments where id = $1`, [(a.body as { id: string }).id])
    expect(row.rows[0]).toEqual({ child_id: null, child_nickname: '已删除的孩子', status: 'withdrawn' })
    expect((c.body as { status: string }).status).toBe('submitted')
    expect(await position((waiting.body as { id: string }).id, waiting.parent)).toBe(1)
  })
})
