import { remindStaleVacancies } from '@server/features/find/staleVacancyReminders'
import { openTestApp, TestApp } from '@test/support/app'
import { seedInstitutions } from '@test/support/bookingFixtures'
import { TEST_BACKENDS } from '@test/support/database'
import { requestJson } from '@test/support/session'
import { signInStaff } from '@test/support/staffAccounts'

const DAY = 86_400_000
/** A fixed Beijing noon, so day boundaries are where the test says. */
const start = new Date('2026-03-02T04:00:00Z')
const at = (days: number) => new Date(start.getTime() + days * DAY)

describe.each(TEST_BACKENDS)('stale vacancies are pushed to the institution on %s', (backend) => {
  let t: TestApp
  beforeAll(async () => {
    t = await openTestApp(backend)
    await seedInstitutions(t.db, [{ id: 'stale-inst', name: '小太阳托育园' }, { id: 'fresh-inst' }, { id: 'no-staff-inst' }])
  })
  afterAll(() => t.close())

  async function reminders(institutionId: string): Promise<Array<{ user_id: string; payload: { institution: string; time: string } }>> {
    const { rows } = await t.db.query<{ user_id: string; payload: { institution: string; time: string } }>(
      `select user_id, payload from notification_outbox where kind = 'vacancy_stale' and subject_id = $1 order by created_at, user_id`,
      [institutionId],
    )
    return rows
  }

  it('reminds each staff member once a period after 14 days unconfirmed, never an institution confirmed lately or without staff', async () => {
    const staff = await signInStaff(t, 'stale-inst')
    const fresh = await signInStaff(t, 'fresh-inst')
    const put = (who: typeof staff) => requestJson(t.app, 'PUT', '/api/v1/staff/institution/facts', { vacancies: [{ careMode: 'full_day', ageBand: 'toddler', vacancies: 2 }] }, who.headers)
    expect((await put(staff)).status).toBe(200)
    expect((await put(fresh)).status).toBe(200)
    // Both confirmed at `start` (Beijing 2 March).
    await t.db.query(`update institutions set vacancies_confirmed_at = $1 where id in ('stale-inst', 'fresh-inst')`, [start.toISOString()])

    // 14 days later is not yet stale (the detail page says "14 天前更新").
    expect(await remindStaleVacancies(t.db, at(14))).toEqual({ institutions: 0, messages: 0 })
    // 15 days: the admin and the staff member of stale-inst each get one; fresh-inst too, as it is just as old.
    await t.db.query(`update institutions set vacancies_confirmed_at = $1 where id = 'fresh-inst'`, [at(10).toISOString()])
    const first = await remindStaleVacancies(t.db, at(15))
    expect(first.institutions).toBe(1)
    const queued = await reminders('stale-inst')
    expect(queued.map((r) => r.user_id)).toContain(staff.userId)
    expect(queued).toHaveLength(first.messages)
    expect(queued.length).toBeGreaterThanOrEqual(2)
    expect(queued[0].payload).toMatchObject({ institution: '小太阳托育园', time: '2026-03-02 12:00' })
    expect(await reminders('no-staff-inst')).toEqual([])

    // Later the same day and the next days: nothing more until a period has passed.
    expect(await remindStaleVacancies(t.db, new Date(at(15).getTime() + 3600_000))).toEqual({ institutions: 0, messages: 0 })
    expect((await remindStaleVacancies(t.db, at(21))).institutions).toBe(0)
    expect((await remindStaleVacancies(t.db, at(22))).institutions).toBe(1)
    expect(await reminders('stale-inst')).toHaveLength(first.messages * 2)

    // fresh-inst (confirmed day 10) turns stale on day 25 and is reminded then; stale-inst waits for its period.
    const laterFresh = await remindStaleVacancies(t.db, at(25))
    expect(laterFresh.institutions).toBe(1)
    expect((await reminders('fresh-inst')).map((r) => r.user_id)).toContain(fresh.userId)

    // Confirming ends the reminders.
    await put(staff)
    await remindStaleVacancies(t.db, new Date(Date.now() + 8 * DAY))
    expect(await reminders('stale-inst')).toHaveLength(first.messages * 2)
  })
})
