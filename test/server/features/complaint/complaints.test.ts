import { ComplaintSchema, StaffComplaintSchema, TRACKING_NO } from '@domain/complaint'
import { BEIBEI, YUBEI } from '@test/fixtures/institutions'
import { openTestApp, TestApp } from '@test/support/app'
import { TEST_BACKENDS } from '@test/support/database'
import { requestJson, signInParent, TestSession } from '@test/support/session'
import { signInStaff } from '@test/support/staffAccounts'
import { seedInstitutions } from '@test/support/bookingFixtures'
import { complaintBody, fileComplaint, signInRegulator } from './complaintFixtures'

describe.each(TEST_BACKENDS)('complaints on %s', (backend) => {
  let t: TestApp
  let parent: TestSession
  let regulator: TestSession
  let otherRegulator: TestSession

  beforeAll(async () => {
    t = await openTestApp(backend)
    await seedInstitutions(t.db, [{ id: 'inst-c', districtCode: YUBEI.code }, { id: 'inst-b', districtCode: BEIBEI.code }])
    parent = await signInParent(t.app, '投诉的家长')
    regulator = await signInRegulator(t, YUBEI.code)
    otherRegulator = await signInRegulator(t, BEIBEI.code)
  })
  afterAll(() => t.close())

  const get = (url: string, who?: TestSession) => requestJson(t.app, 'GET', url, undefined, who?.headers ?? {})
  const post = (url: string, body: unknown, who?: TestSession) => requestJson(t.app, 'POST', url, body, who?.headers ?? {})

  describe('filing', () => {
    it('answers at once with an unguessable tracking number and both deadlines', async () => {
      const answer = await post('/api/v1/complaints', complaintBody(), parent)
      expect(answer.status).toBe(201)
      const filed = answer.body as { trackingNo: string; status: string; acceptBy: string; dueBy: string }
      expect(filed.trackingNo).toMatch(TRACKING_NO)
      expect(filed.status).toBe('submitted')
      expect(Date.parse(filed.acceptBy)).toBeLessThan(Date.parse(filed.dueBy))
    })

    it('gives abuse an answer deadline in hours', async () => {
      const filed = await fileComplaint(t.app, parent, { category: 'abuse' })
      const hours = (Date.parse(filed.dueBy) - Date.now()) / 3600_000
      expect(hours).toBeGreaterThan(23)
      expect(hours).toBeLessThanOrEqual(24)
    })

    it('routes a complaint about an unlisted institution to the district named', async () => {
      const filed = await fileComplaint(t.app, parent, {
        institutionId: undefined,
        category: 'unfiled',
        unlistedInstitution: { name: '小区里的家庭托育点', address: '北碚区某小区3栋', district: BEIBEI.name },
      })
      const queue = await get('/api/v1/staff/complaints', otherRegulator)
      expect((queue.body as { items: { trackingNo: string; institution: { listed: boolean } }[] }).items).toContainEqual(
        expect.objectContaining({ trackingNo: filed.trackingNo, institution: expect.objectContaining({ listed: false }) }),
      )
    })

    it('draws different numbers each time', async () => {
      const a = await fileComplaint(t.app, parent)
      const b = await fileComplaint(t.app, parent)
      expect(a.trackingNo).not.toBe(b.trackingNo)
    })

    it.each([
      ['no institution at all', { institutionId: undefined }],
      ['an unknown category', { category: 'noise' }],
      ['a description too short', { description: '不好' }],
      ['a future date', { occurredAt: new Date(Date.now() + 86_400_000).toISOString() }],
      ['a bad phone', { contactPhone: '12345' }],
      ['seven photos', { attachments: Array.from({ length: 7 }, (_, i) => `att_${'x'.repeat(20)}${i}`) }],
      ["someone else's or made-up photo ids", { attachments: ['att_aaaaaaaaaaaaaaaaaaaa'] }],
      ['an unknown district', { institutionId: undefined, unlistedInstitution: { name: '某托育点', address: '某路1号', district: '火星区' } }],
    ])('refuses %s with 400 and stores nothing', async (_, overrides) => {
      const before = await t.db.query<{ n: number }>(`select count(*)::int as n from complaints`)
      const answer = await post('/api/v1/complaints', complaintBody(overrides), parent)
      expect(answer).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION' } } })
      expect((answer.body as { error: { message: string } }).error.message).toMatch(/\p{Script=Han}/u)
      const after = await t.db.query<{ n: number }>(`select count(*)::int as n from complaints`)
      expect(after.rows[0].n).toBe(before.rows[0].n)
    })

    it('needs signing in', async () => {
      expect((await post('/api/v1/complaints', complaintBody())).status).toBe(401)
    })
  })

  describe('马上查', () => {
    it('finds a complaint by number and phone digits without signing in', async () => {
      const filed = await fileComplaint(t.app, parent)
      const answer = await get(`/api/v1/complaints/${filed.trackingNo}?phoneLast4=0987`)
      expect(answer.status).toBe(200)
      const complaint = ComplaintSchema.parse(answer.body)
      expect(complaint).toMatchObject({ trackingNo: filed.trackingNo, status: 'submitted', category: 'food', dueBy: filed.dueBy })
      expect(complaint.timeline).toEqual([expect.objectContaining({ status: 'submitted', note: null })])
      expect(complaint.attachments).toBeUndefined()
    })

    it('answers a wrong proof exactly like a missing number', async () => {
      const filed = await fileComplaint(t.app, parent)
      const wrong = await get(`/api/v1/complaints/${filed.trackingNo}?phoneLast4=1111`)
      const missing = await get(`/api/v1/complaints/TS20200101-AAAAAA?phoneLast4=0987`)
      const noProof = await get(`/api/v1/complaints/${filed.trackingNo}`)
      expect(wrong.status).toBe(404)
      expect(wrong).toEqual(missing)
      expect(noProof).toEqual(missing)
    })

    it('lets the signed-in owner omit the digits, but not another parent', async () => {
      const filed = await fileComplaint(t.app, parent)
      expect((await get(`/api/v1/complaints/${filed.trackingNo}`, parent)).status).toBe(200)
      expect((await get(`/api/v1/complaints/${filed.trackingNo}`, await signInParent(t.app))).status).toBe(404)
    })

    it('refuses a malformed number or digits with 400', async () => {
      expect((await get(`/api/v1/complaints/not-a-number?phoneLast4=0987`)).status).toBe(400)
      expect((await get(`/api/v1/complaints/TS20200101-AAAAAA?phoneLast4=12a4`)).status).toBe(400)
    })

    it('lists my complaints, newest first', async () => {
      const me = await signInParent(t.app)
      const first = await fileComplaint(t.app, me)
      const second = await fileComplaint(t.app, me, { category: 'fees' })
      const answer = await get('/api/v1/me/complaints', me)
      expect((answer.body as { items: { trackingNo: string }[] }).items.map((c) => c.trackingNo)).toEqual([second.trackingNo, first.trackingNo])
    })
  })

  describe('regulator handling', () => {
    const act = (trackingNo: string, action: string, body: unknown = {}, who = regulator) =>
      post(`/api/v1/staff/complaints/${trackingNo}/${action}`, body, who)

    it('takes a complaint through accept, investigate and resolve, each on the timeline with a notice', async () => {
      const filed = await fileComplaint(t.app, parent)
      expect((await act(filed.trackingNo, 'accept', { note: '已转交街道核实' })).status).toBe(200)
      expect((await act(filed.trackingNo, 'investigate')).status).toBe(200)
      const resolved = await act(filed.trackingNo, 'resolve', { result: '已责令机构改进午餐保温，并约谈负责人。' })
      expect(resolved.status).toBe(200)
      expect(StaffComplaintSchema.parse(resolved.body).status).toBe('resolved')

      const mine = ComplaintSchema.parse((await get(`/api/v1/complaints/${filed.trackingNo}`, parent)).body)
      expect(mine.timeline.map((e) => [e.status, e.note])).toEqual([
        ['submitted', null],
        ['accepted', '已转交街道核实'],
        ['investigating', null],
        ['resolved', '已责令机构改进午餐保温，并约谈负责人。'],
      ])
      expect(mine.canGiveFeedback).toBe(true)
      expect(mine.reexaminationUntil).not.toBeNull()

      const notices = await t.db.query<{ dedupe_key: string }>(
        `select o.dedupe_key from notification_outbox o join complaints c on c.id = o.subject_id
         where c.tracking_no = $1 and o.kind = 'complaint_status' order by o.id`,
        [filed.trackingNo],
      )
      expect(notices.rows.map((r) => r.dedupe_key.split('@')[0])).toEqual(['accepted', 'investigating', 'resolved'])

      const audit = await t.db.query<{ action: string; actor_user_id: string }>(
        `select a.action, a.actor_user_id from audit_log a join complaints c on c.id = a.subject_id
         where c.tracking_no = $1 and a.action <> 'complaint.view' order by a.id`,
        [filed.trackingNo],
      )
      expect(audit.rows).toEqual(['accept', 'investigate', 'resolve'].map((a) => ({ action: `complaint.${a}`, actor_user_id: regulator.userId })))
    })

    it('rejects with a reason, and refuses a reject without one (400) or out of order (409)', async () => {
      const filed = await fileComplaint(t.app, parent)
      expect((await act(filed.trackingNo, 'reject', {})).status).toBe(400)
      expect((await act(filed.trackingNo, 'resolve', { result: '结果' })).status).toBe(409)
      expect((await act(filed.trackingNo, 'reject', { reason: '不属于托育机构监管范围，请向市场监管部门反映。' })).status).toBe(200)
      expect((await act(filed.trackingNo, 'accept')).status).toBe(409)
    })

    it("keeps another district's complaints out of sight (404) and other people out (403)", async () => {
      const filed = await fileComplaint(t.app, parent)
      expect((await act(filed.trackingNo, 'accept', {}, otherRegulator)).status).toBe(404)
      expect((await get(`/api/v1/staff/complaints/${filed.trackingNo}`, otherRegulator)).status).toBe(404)
      expect((await get('/api/v1/staff/complaints', parent)).status).toBe(403)
      expect((await get('/api/v1/staff/complaints', await signInStaff(t, 'inst-c'))).status).toBe(403)
    })

    it('sorts the queue urgent first, then by deadline, and flags overdue ones', async () => {
      const ordinary = await fileComplaint(t.app, parent, { category: 'hygiene' })
      const urgent = await fileComplaint(t.app, parent, { category: 'safety' })
      await t.db.query(`update complaints set accept_by = now() - interval '1 hour' where tracking_no = $1`, [urgent.trackingNo])
      const queue = (await get('/api/v1/staff/complaints?limit=50', regulator)).body as { items: { trackingNo: string; urgency: string; overdue: boolean }[] }
      const order = queue.items.map((c) => c.trackingNo)
      expect(order.indexOf(urgent.trackingNo)).toBeLessThan(order.indexOf(ordinary.trackingNo))
      const open = queue.items.filter((c) => !['resolved', 'rejected'].includes((c as unknown as { status: string }).status))
      const firstOrdinary = open.findIndex((c) => c.urgency === 'ordinary')
      expect(open.slice(firstOrdinary).every((c) => c.urgency === 'ordinary')).toBe(true)
      expect(queue.items.find((c) => c.trackingNo === urgent.trackingNo)?.overdue).toBe(true)
      expect(queue.items.find((c) => c.trackingNo === ordinary.trackingNo)?.overdue).toBe(false)
    })

    it('issues a rectification notice that appears on the institution page', async () => {
      const dueOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)
      const answer = await post('/api/v1/staff/rectifications', { institutionId: 'inst-c', issue: '厨房食品留样不全', dueOn }, regulator)
      expect(answer.status).toBe(201)
      const detail = await get('/api/v1/institutions/inst-c')
      expect((detail.body as { rectifications: { issue: string }[] }).rectifications).toContainEqual(expect.objectContaining({ issue: '厨房食品留样不全', dueOn }))
      expect((await post('/api/v1/staff/rectifications', { institutionId: 'inst-b', issue: '问题', dueOn }, regulator)).status).toBe(404)
      expect((await post('/api/v1/staff/rectifications', { institutionId: 'inst-c', issue: '问题', dueOn: '2020-01-01' }, regulator)).status).toBe(400)
    })
  })

  describe('feedback and re-examination', () => {
    async function resolvedComplaint(who: TestSession) {
      const filed = await fileComplaint(t.app, who)
      for (const [action, body] of [['accept', {}], ['investigate', {}], ['resolve', { result: '已核实并处理。' }]] as const) {
        expect((await post(`/api/v1/staff/complaints/${filed.trackingNo}/${action}`, body, regulator)).status).toBe(200)
      }
      return filed.trackingNo
    }

    it('takes feedback once, only when resolved', async () => {
      const open = await fileComplaint(t.app, parent)
      expect((await post(`/api/v1/complaints/${open.trackingNo}/feedback`, { satisfied: true }, parent)).status).toBe(409)
      const no = await resolvedComplaint(parent)
      const answer = await post(`/api/v1/complaints/${no}/feedback`, { satisfied: false, comment: '没有解决' }, parent)
      expect(answer).toMatchObject({ status: 200, body: { feedback: { satisfied: false, comment: '没有解决' }, canGiveFeedback: false } })
      expect((await post(`/api/v1/complaints/${no}/feedback`, { satisfied: true }, parent)).status).toBe(409)
      expect((await post(`/api/v1/complaints/${no}/feedback`, { satisfied: 'yes' }, parent)).status).toBe(400)
      expect((await post(`/api/v1/complaints/${no}/feedback`, { satisfied: true }, await signInParent(t.app))).status).toBe(404)
    })

    it('sends it back for investigation on re-examination, once, within 15 days', async () => {
      const no = await resolvedComplaint(parent)
      const answer = await post(`/api/v1/complaints/${no}/reexamination`, { reason: '机构仍然没有改进' }, parent)
      expect(answer).toMatchObject({ status: 200, body: { status: 'reexamination_requested' } })
      expect((await post(`/api/v1/staff/complaints/${no}/investigate`, {}, regulator)).status).toBe(200)
      expect((await post(`/api/v1/staff/complaints/${no}/resolve`, { result: '复核后维持原结论。' }, regulator)).status).toBe(200)
      expect((await post(`/api/v1/complaints/${no}/reexamination`, { reason: '再来一次' }, parent)).status).toBe(409)

      const late = await resolvedComplaint(parent)
      await t.db.query(`update complaints set resolved_at = now() - interval '16 days' where tracking_no = $1`, [late])
      expect((await post(`/api/v1/complaints/${late}/reexamination`, { reason: '机构仍然没有改进' }, parent)).status).toBe(409)
    })
  })

  describe('privacy', () => {
    it("shows the complainant's name, phone or user id in no staff or public response", async () => {
      const complainant = await signInParent(t.app, '王小明妈妈')
      const phone = '13698761234'
      const filed = await fileComplaint(t.app, complainant, { contactPhone: phone, anonymous: false })
      await fileComplaint(t.app, complainant, { contactPhone: phone, institutionId: undefined, unlistedInstitution: { name: '无证托育点', address: '渝北区某路', district: YUBEI.code } })
      const institutionStaff = await signInStaff(t, 'inst-c')
      const responses = [
        await get('/api/v1/staff/complaints?limit=50', regulator),
        await get(`/api/v1/staff/complaints/${filed.trackingNo}`, regulator),
        await post(`/api/v1/staff/complaints/${filed.trackingNo}/accept`, { note: '受理' }, regulator),
        await post(`/api/v1/staff/complaints/${filed.trackingNo}/investigate`, {}, regulator),
        await post(`/api/v1/staff/complaints/${filed.trackingNo}/resolve`, { result: '已处理' }, regulator),
        await get('/api/v1/staff/bookings', institutionStaff),
        await get('/api/v1/staff/enrollments', institutionStaff),
        await get('/api/v1/institutions/inst-c'),
        await get('/api/v1/institutions/inst-c/reviews'),
        await get(`/api/v1/complaints/${filed.trackingNo}?phoneLast4=1234`),
        await get('/api/v1/institutions?district=' + YUBEI.code),
      ]
      for (const r of responses) {
        const text = JSON.stringify(r.body)
        for (const secret of [phone, '136****1234', complainant.userId, '王小明妈妈']) expect(text).not.toContain(secret)
      }
      const detail = responses[7].body as { complaintStatistics: { total: number; resolved: number } }
      expect(detail.complaintStatistics.total).toBeGreaterThan(0)
      expect(detail.complaintStatistics.resolved).toBeGreaterThan(0)
    })
  })
})
