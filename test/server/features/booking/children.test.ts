import { ChildSchema } from '@domain/child'
import { todayInShanghai } from '@domain/shanghaiTime'
import { upsertDistricts, upsertInstitutions } from '@server/features/find/institutionWriter'
import { institutionRecord, TEST_DISTRICTS } from '@test/fixtures/institutions'
import { openTestApp, TestApp } from '@test/support/app'
import { TEST_BACKENDS } from '@test/support/database'
import { addChild, signInParent, TestSession } from '@test/support/session'

function shiftDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

describe.each(TEST_BACKENDS)('/api/v1/me/children on %s', (backend) => {
  let t: TestApp
  let parent: TestSession
  let otherParent: TestSession
  const today = todayInShanghai()

  beforeAll(async () => {
    t = await openTestApp(backend)
    await upsertDistricts(t.db, TEST_DISTRICTS)
    await upsertInstitutions(t.db, [institutionRecord({ id: 'child-inst' })])
    parent = await signInParent(t.app, '妈妈')
    otherParent = await signInParent(t.app, '别人')
  })
  afterAll(async () => t.close())

  const post = (session: TestSession, payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/me/children', headers: session.headers, payload })
  const list = async (session: TestSession) => (await t.app.inject({ method: 'GET', url: '/api/v1/me/children', headers: session.headers })).json().items
  const count = async (table: string) => (await t.db.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0].n

  it('adds a child by birth date and records the guardian consent with it', async () => {
    const response = await post(parent, { nickname: ' 豆豆 ', birthDate: shiftDays(today, -400), guardianConsent: true })
    expect(response.statusCode).toBe(201)
    const child = ChildSchema.parse(response.json())
    expect(child).toMatchObject({ nickname: '豆豆', birthDate: shiftDays(today, -400), dueDate: null })
    const me = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: parent.headers })).json()
    expect(me.consents).toEqual([expect.objectContaining({ kind: 'child_data', version: expect.any(String) })])
  })

  it('adds an unborn child by due date', async () => {
    const child = await addChild(t.app, parent, { nickname: '二宝', dueDate: shiftDays(today, 60) })
    expect(child).toMatchObject({ birthDate: null, dueDate: shiftDays(today, 60) })
  })

  it('lists only the parent’s own children, oldest entry first', async () => {
    await addChild(t.app, otherParent, { nickname: '邻居家' })
    expect((await list(parent)).map((c: { nickname: string }) => c.nickname)).toEqual(['豆豆', '二宝'])
    expect((await list(otherParent)).map((c: { nickname: string }) => c.nickname)).toEqual(['邻居家'])
  })

  it.each([
    ['no consent', { nickname: '小A', birthDate: '2025-01-01' }, 'body.guardianConsent', '监护人同意'],
    ['consent false', { nickname: '小A', birthDate: '2025-01-01', guardianConsent: false }, 'body.guardianConsent', '监护人同意'],
    ['no nickname', { birthDate: '2025-01-01', guardianConsent: true }, 'body.nickname', '小名'],
    ['a long nickname', { nickname: '一二三四五六七八九十一二三', birthDate: '2025-01-01', guardianConsent: true }, 'body.nickname', '12'],
    ['neither date', { nickname: '小A', guardianConsent: true }, 'body.birthDate', '二选一'],
    ['both dates', { nickname: '小A', birthDate: '2025-01-01', dueDate: '2027-01-01', guardianConsent: true }, 'body.birthDate', '二选一'],
    ['a birth date in the future', { nickname: '小A', birthDate: '2099-01-01', guardianConsent: true }, 'body.birthDate', '不能晚于今天'],
    ['a date that does not exist', { nickname: '小A', birthDate: '2025-02-30', guardianConsent: true }, 'body.birthDate', '日期不存在'],
    ['a badly formatted date', { nickname: '小A', birthDate: '1/2/2025', guardianConsent: true }, 'body.birthDate', 'YYYY-MM-DD'],
    ['a past due date', { nickname: '小A', dueDate: '2020-01-01', guardianConsent: true }, 'body.dueDate', '预产期已过'],
  ])('answers 400 VALIDATION for %s and writes nothing', async (_case, payload, field, message) => {
    const [children, consents] = [await count('children'), await count('consents')]
    const response = await post(otherParent, payload)
    expect(response.statusCode).toBe(400)
    const { error } = response.json()
    expect(error.code).toBe('VALIDATION')
    expect(error.fields[field]).toContain(message)
    expect([await count('children'), await count('consents')]).toEqual([children, consents])
  })

  it('answers 401 to a request without sign-in', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me/children' })).statusCode).toBe(401)
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/me/children/whatever' })).statusCode).toBe(401)
  })

  it('hides another parent’s child: 404 on GET and DELETE, and the child stays', async () => {
    const theirs = await addChild(t.app, otherParent, { nickname: '不是你的' })
    for (const method of ['GET', 'DELETE'] as const) {
      const response = await t.app.inject({ method, url: `/api/v1/me/children/${theirs.id}`, headers: parent.headers })
      expect(response.statusCode).toBe(404)
      expect(response.json().error.code).toBe('NOT_FOUND')
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/me/children/${theirs.id}`, headers: otherParent.headers })).statusCode).toBe(200)
  })

  it('deletes a child for good: its active booking is cancelled, the place freed and the record anonymised', async () => {
    const child = await addChild(t.app, parent, { nickname: '要删除' })
    await t.db.query(
      `insert into slots (id, institution_id, kind, title, starts_at, ends_at, capacity, booked)
       values ('del-slot', 'child-inst', 'visit', '参观', now() + interval '3 days', now() + interval '3 days 1 hour', 5, 1)`,
    )
    await t.db.query(
      `insert into bookings (id, slot_id, user_id, child_id, child_nickname, status, code, contact_name, contact_phone)
       values ('del-booking', 'del-slot', $1, $2, '要删除', 'confirmed', 'DEL001', '妈妈', '13800000000')`,
      [parent.userId, child.id],
    )

    const response = await t.app.inject({ method: 'DELETE', url: `/api/v1/me/children/${child.id}`, headers: parent.headers })
    expect(response.statusCode).toBe(204)
    expect(response.body).toBe('')

    expect((await t.app.inject({ method: 'GET', url: `/api/v1/me/children/${child.id}`, headers: parent.headers })).statusCode).toBe(404)
    expect((await t.db.query(`select 1 from children where id = $1`, [child.id])).rowCount).toBe(0)
    const booking = (await t.db.query<{ status: string; child_id: string | null; child_nickname: string }>(`select status, child_id, child_nickname from bookings where id = 'del-booking'`)).rows[0]
    expect(booking.status).toBe('cancelled')
    expect(booking.child_id).toBeNull()
    expect(booking.child_nickname).not.toContain('要删除')
    expect((await t.db.query<{ booked: number }>(`select booked from slots where id = 'del-slot'`)).rows[0].booked).toBe(0)
    // Deleting again: already gone.
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/me/children/${child.id}`, headers: parent.headers })).statusCode).toBe(404)
  })
})
