import fs from 'node:fs'
import path from 'node:path'
import { openTestApp, TestApp } from '@test/support/app'
import { TEST_BACKENDS } from '@test/support/database'
import { addChild, requestJson, signInParent, TestSession } from '@test/support/session'
import { signInInstitutionAdmin, signInRegulator, signInStaff } from '@test/support/staffAccounts'
import { bookingBody, insertSlotRow, monthFromNow, postBooking, seedInstitutions } from '@test/support/bookingFixtures'
import { complaintBody, fileComplaint } from '@test/server/features/complaint/complaintFixtures'
import { parentWhoBooked, postReview, scores } from '@test/server/features/complaint/reviewFixtures'
import { BEIBEI, YUBEI } from '@test/fixtures/institutions'
import { multipartPhoto, plainPng } from '@test/support/photoFixtures'

/*
 * Issue 9's security bar: every staff and regulator route (read from the app's own
 * OpenAPI document, so a new route is walked without editing this file), asked about
 * one institution's and one district's records by (a) a parent, (b) staff of another
 * institution, (c) a regulator of another district, (d) revoked members, and (e) whoever
 * asks demo sign-in for a role. Each answer is 401/403/404, or the asker's own (empty)
 * data: never a byte of the target's, and nothing about the target changes.
 */

const FILING_LIST = fs.readFileSync(path.resolve(__dirname, '../../../fixtures/filing-lists/yubei-sample.csv'), 'utf8')
const TARGET = 'target-inst'
const OTHER = 'other-inst'
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10)

describe.each(TEST_BACKENDS)('staff and regulator routes refuse outsiders on %s', (backend) => {
  let t: TestApp
  const ids: Record<string, string> = {}
  /** Strings only the target's own people may ever read. */
  let secrets: string[] = []
  const actors: Record<string, TestSession> = {}
  let insiders: { staff: TestSession; regulator: TestSession }

  const post = (who: TestSession, url: string, body?: unknown) => requestJson(t.app, 'POST', url, body, who.headers)
  /** 环境照片 are multipart uploads, not JSON. */
  const uploadPhoto = async (headers: Record<string, string>) => {
    const body = multipartPhoto(await plainPng(), 'room.png', 'image/png')
    return t.app.inject({ method: 'POST', url: '/api/v1/staff/institution/photos', headers: { ...body.headers, ...headers }, payload: body.payload })
  }

  beforeAll(async () => {
    t = await openTestApp(backend)
    await seedInstitutions(t.db, [
      { id: TARGET, districtCode: YUBEI.code },
      { id: OTHER, districtCode: BEIBEI.code },
    ])
    const admin = await signInInstitutionAdmin(t, TARGET)
    const staff = await signInStaff(t, TARGET)
    const regulator = await signInRegulator(t, YUBEI.code)

    // The target's records: a pending trial booking, an application, a complaint, a review, an invitation.
    const slotId = await insertSlotRow(t.db, { institutionId: TARGET, kind: 'trial', requiresConfirmation: true })
    const parent = await signInParent(t.app, '被保护的家长')
    const child = await addChild(t.app, parent)
    const booking = await postBooking(t.app, parent, bookingBody(slotId, child.id, { contactPhone: '13800001111' }))
    const enrollment = await post(parent, '/api/v1/enrollments', { institutionId: TARGET, childId: child.id, careMode: 'full_day', startMonth: monthFromNow(1), contactPhone: '13800001111' })
    const complaint = await fileComplaint(t.app, parent, complaintBody({ institutionId: TARGET, description: '机密的投诉内容：午睡室没有人看护，孩子从床上摔下来。' }))
    const reviewer = await parentWhoBooked(t, TARGET, staff)
    const review = await postReview(t, reviewer, TARGET, { scores: scores(), text: '老师很耐心' })
    const invitation = await post(admin, '/api/v1/staff/invitations', { role: 'institution_staff', note: '新来的老师' })
    const members = (await requestJson(t.app, 'GET', '/api/v1/staff/members', undefined, regulator.headers)).body as { items: { id: string; role: string }[] }
    const notice = await post(regulator, '/api/v1/staff/rectifications', { institutionId: TARGET, issue: '消防通道堵塞', dueOn: inDays(20) })
    const premises = await uploadPhoto(staff.headers)
    Object.assign(ids, {
      slot: slotId,
      booking: (booking.body as { id: string }).id,
      enrollment: (enrollment.body as { id: string }).id,
      trackingNo: complaint.trackingNo,
      review: (review.body as { id: string }).id,
      invitation: (invitation.body as { id: string }).id,
      membership: members.items.find((m) => m.role === 'institution_admin')!.id,
      notice: (notice.body as { id: string }).id,
      premisesPhoto: (premises.json() as { photos: { id: string }[] }).photos[0].id,
    })
    secrets = [TARGET, ...Object.values(ids), '13800001111', '1111', '机密的投诉内容', '老师很耐心', '新来的老师', '被保护的家长']

    // (d) revoked members: staff removed by their admin, a regulator and an admin removed by a regulator.
    const revokedStaff = await signInStaff(t, TARGET, '已离职老师')
    const revokedAdmin = await signInInstitutionAdmin(t, TARGET, '已离任园长')
    const revokedRegulator = await signInRegulator(t, YUBEI.code, '已调岗科长')
    const everyone = [
      ...((await requestJson(t.app, 'GET', '/api/v1/staff/members', undefined, admin.headers)).body as { items: { id: string; userId: string }[] }).items,
      ...((await requestJson(t.app, 'GET', '/api/v1/staff/members', undefined, regulator.headers)).body as { items: { id: string; userId: string }[] }).items,
    ]
    const membershipOf = (who: TestSession) => everyone.find((m) => m.userId === who.userId)!.id
    expect((await post(admin, `/api/v1/staff/members/${membershipOf(revokedStaff)}/revoke`)).status).toBe(200)
    expect((await post(regulator, `/api/v1/staff/members/${membershipOf(revokedAdmin)}/revoke`)).status).toBe(200)
    expect((await post(regulator, `/api/v1/staff/members/${membershipOf(revokedRegulator)}/revoke`)).status).toBe(200)

    insiders = { staff, regulator }
    Object.assign(actors, {
      '(a) a parent': await signInParent(t.app),
      '(a) the parent who booked': parent,
      '(b) staff of another institution': await signInStaff(t, OTHER),
      '(b) the admin of another institution': await signInInstitutionAdmin(t, OTHER),
      '(c) a regulator of another district': await signInRegulator(t, BEIBEI.code),
      '(d) revoked staff': revokedStaff,
      '(d) a revoked admin': revokedAdmin,
      '(d) a revoked regulator': revokedRegulator,
      '(-) nobody signed in': { token: '', userId: '', headers: { authorization: '' } },
    })
  }, 120_000)
  afterAll(() => t.close())

  /** A valid body for each route, so the answer is about who asks, not about a typo. */
  function bodyFor(method: string, path: string): unknown {
    if (path.endsWith('/staff/invitations')) return { role: 'institution_admin', institutionId: TARGET }
    if (path.endsWith('/staff/slots/weekly')) return { kind: 'visit', startsAt: `${inDays(3)}T09:00:00+08:00`, endsAt: `${inDays(3)}T10:00:00+08:00`, capacity: 3, weeks: 2 }
    if (path.endsWith('/staff/slots') && method === 'post') return { kind: 'visit', startsAt: `${inDays(3)}T09:00:00+08:00`, endsAt: `${inDays(3)}T10:00:00+08:00`, capacity: 3 }
    if (method === 'patch') return { capacity: 9 }
    if (path.endsWith('/resolve')) return { result: '已核实并督促整改' }
    if (path.endsWith('/reject')) return { reason: '不属于受理范围' }
    if (path.endsWith('/accept') || path.endsWith('/investigate')) return { note: '已受理' }
    if (path.endsWith('/staff/rectifications')) return { institutionId: TARGET, issue: '消防通道堵塞', dueOn: inDays(10), trackingNo: ids.trackingNo }
    if (path.endsWith('/reply')) return { text: '感谢您的评价' }
    if (path.endsWith('/report')) return { description: '已清理消防通道，附整改后照片。' }
    if (path.endsWith('/return')) return { reason: '照片不清楚，请补拍' }
    if (path.endsWith('/inspections')) return { inspectedOn: inDays(-1), result: 'passed', summary: '检查合格' }
    if (path.endsWith('/grade')) return { grade: 'level_1' }
    if (path.endsWith('/staff/institution/facts') && method === 'put') return { vacancies: [{ careMode: 'full_day', ageBand: 'toddler', vacancies: 1 }], staffCount: 2, certifiedStaffCount: 1 }
    if (path.endsWith('/staff/institution/fees')) return { careModes: [{ mode: 'full_day', fee: 260_000 }] }
    if (path.endsWith('/staff/institution/photos/order')) return { photoIds: [ids.premisesPhoto] }
    if (path.endsWith('/staff/institution/hours')) return { days: '周一至周五', opensAt: '07:30', closesAt: '18:00' }
    if (path.endsWith('/staff/fee-terms')) return { mealsFenPerMonth: 0, registrationFen: 0, depositFen: 0, prepayMonths: 1, noticeDays: 30, refundOnWithdrawal: '按天退还剩余费用' }
    if (path.endsWith('/staff/vouchers/redeem')) return { code: 'ABCD2345' }
    if (path.endsWith('/staff/district-plan')) {
      return { population: 1_000_000, populationSource: '统计公报', placesPerThousandTarget: 4.5, affordableShareTarget: 0.6, certifiedStaffShareTarget: 0.9, complaintsInTimeTarget: null, reportedPlacesPerThousand: null, targetsSource: '规划' }
    }
    return undefined
  }

  function urlFor(path: string): string {
    return path
      .replace('/staff/slots/{id}', `/staff/slots/${ids.slot}`)
      .replace('/staff/bookings/{id}', `/staff/bookings/${ids.booking}`)
      .replace('/staff/enrollments/{id}', `/staff/enrollments/${ids.enrollment}`)
      .replace('/staff/reviews/{id}', `/staff/reviews/${ids.review}`)
      .replace('/staff/invitations/{id}', `/staff/invitations/${ids.invitation}`)
      .replace('/staff/members/{id}', `/staff/members/${ids.membership}`)
      .replace('/staff/rectifications/{id}', `/staff/rectifications/${ids.notice}`)
      .replace('/staff/oversight/institutions/{id}', `/staff/oversight/institutions/${TARGET}`)
      .replace('/staff/institution/photos/{photoId}', `/staff/institution/photos/${ids.premisesPhoto}`)
      .replace('{trackingNo}', ids.trackingNo)
  }

  async function fingerprint(): Promise<unknown> {
    const rows = await t.db.query(
      `select (select status from bookings where id = $1) as booking, (select status from enrollments where id = $2) as enrollment,
              (select status from complaints where tracking_no = $3) as complaint, (select count(*)::int from review_replies) as replies,
              (select count(*)::int from rectification_notices) as rectifications, (select capacity from slots where id = $4) as capacity,
              (select status from slots where id = $4) as slot_status, (select count(*)::int from invitations where cancelled_at is not null) as cancelled,
              (select count(*)::int from memberships where revoked_at is null) as live_members,
              (select count(*)::int from rectification_reports) as reports, (select count(*)::int from inspections) as inspections,
              (select count(*)::int from institution_grades) as grades,
              (select string_agg(id, ',' order by position) from institution_photos where institution_id = $5) as premises_photos,
              (select photos_updated_at from institutions where id = $5) as photos_updated_at`,
      [ids.booking, ids.enrollment, ids.trackingNo, ids.slot, TARGET],
    )
    return rows.rows[0]
  }

  it('walks every staff route as every outsider and gets a refusal or the asker’s own data', async () => {
    const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> }
    const routes = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/v1/staff/'))
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => ({ method, path })))
    expect(routes.length).toBeGreaterThanOrEqual(26)
    const before = await fingerprint()
    const leaks: string[] = []
    const answers: Record<string, number> = {}
    for (const [name, who] of Object.entries(actors)) {
      for (const { method, path } of routes) {
        const headers: Record<string, string> = who.token ? who.headers : {}
        // The filing list is a CSV upload, not JSON (a dry run: apply defaults to false).
        const answer = path.endsWith('/staff/filing-list')
          ? await t.app
              .inject({ method: 'POST', url: urlFor(path), headers: { ...headers, 'content-type': 'text/csv' }, payload: FILING_LIST })
              .then((r) => ({ status: r.statusCode, body: r.body ? (r.json() as unknown) : undefined }))
          : path.endsWith('/staff/institution/photos') && method === 'post'
            ? await uploadPhoto(headers).then((r) => ({ status: r.statusCode, body: r.body ? (r.json() as unknown) : undefined }))
            : await requestJson(t.app, method.toUpperCase(), urlFor(path), bodyFor(method, path), headers)
        const text = JSON.stringify(answer.body ?? '')
        const key = `${name} ${method.toUpperCase()} ${path}`
        answers[key] = answer.status
        const refused = [401, 403, 404].includes(answer.status)
        const leaked = secrets.filter((secret) => text.includes(secret))
        if (!refused && !(answer.status < 300 && leaked.length === 0)) leaks.push(`${key} → ${answer.status} ${text.slice(0, 200)}`)
        if (refused && leaked.length > 0) leaks.push(`${key} → ${answer.status} names ${leaked.join(', ')}`)
        if (answer.status >= 500 || answer.status === 400) leaks.push(`${key} → ${answer.status} ${text.slice(0, 200)}`)
      }
    }
    expect(leaks).toEqual([])
    expect(await fingerprint()).toEqual(before)
    // The control: the target's own people do read these records, so a leak would show.
    const ownBookings = await requestJson(t.app, 'GET', '/api/v1/staff/bookings', undefined, insiders.staff.headers)
    expect(JSON.stringify(ownBookings.body)).toContain(ids.booking)
    const ownQueue = await requestJson(t.app, 'GET', '/api/v1/staff/complaints', undefined, insiders.regulator.headers)
    expect(JSON.stringify(ownQueue.body)).toContain(ids.trackingNo)
    const ownNotices = await requestJson(t.app, 'GET', '/api/v1/staff/rectifications', undefined, insiders.staff.headers)
    expect(JSON.stringify(ownNotices.body)).toContain(ids.notice)
    const ownRecord = await requestJson(t.app, 'GET', `/api/v1/staff/oversight/institutions/${TARGET}`, undefined, insiders.regulator.headers)
    expect(JSON.stringify(ownRecord.body)).toContain(ids.notice)
    // Nobody signed in is always 401; parents and revoked members never get past 403/404.
    for (const [key, status] of Object.entries(answers)) {
      if (key.startsWith('(-)')) expect({ key, status }).toEqual({ key, status: 401 })
      if (key.startsWith('(a)') || key.startsWith('(d)')) expect({ key, ok: [403, 404].includes(status) }).toEqual({ key, ok: true })
    }
  }, 120_000)

  it('(e) refuses a demo sign-in that asks for a role, and makes no one', async () => {
    const users = await t.db.query<{ n: number }>(`select count(*)::int as n from users`)
    for (const payload of [
      { regulatorDistrictCode: YUBEI.code },
      { staffInstitutionId: TARGET },
      { nickname: '假科长', regulatorDistrictCode: '渝北区' },
      { demoAccount: `regulator-${YUBEI.code}` },
      { demoAccount: `admin-${TARGET}` },
    ]) {
      const answer = await requestJson(t.app, 'POST', '/api/v1/auth/demo', payload)
      expect({ payload, status: answer.status }).toEqual({ payload, status: 404 })
      expect(JSON.stringify(answer.body)).not.toContain('token')
    }
    expect((await t.db.query<{ n: number }>(`select count(*)::int as n from users`)).rows[0].n).toBe(users.rows[0].n)
  })
})
