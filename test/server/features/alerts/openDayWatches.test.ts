import dayjs from 'dayjs'
import { OpenDayWatchSchema } from '@domain/openDayWatch'
import { SearchAlert, SearchAlertSchema } from '@domain/savedSearch'
import { inShanghai } from '@domain/shanghaiTime'
import { SLOT_KIND_LABELS } from '@domain/slot'
import { openTestApp, TestApp } from '@test/support/app'
import { seedInstitutions } from '@test/support/bookingFixtures'
import { TEST_BACKENDS } from '@test/support/database'
import { createFamilies, Family } from '@test/support/postgresHarness'
import { requestJson } from '@test/support/session'
import { signInStaff } from '@test/support/staffAccounts'

/*
 * 订阅开放日提醒: a parent subscribes on the detail page of a place with nothing open; when
 * its staff publish an open day or a visit, the parent gets one alert that day naming it —
 * in 我的 · 空位提醒 and as a queued subscribe message — and none after cancelling.
 */

jest.setTimeout(120_000)

describe.each(TEST_BACKENDS)('订阅开放日提醒 on %s', (backend) => {
  let t: TestApp
  let parent: Family
  let other: Family

  beforeAll(async () => {
    t = await openTestApp(backend)
    await seedInstitutions(t.db, [
      { id: 'inst-quiet', name: '安静托育园', capacity: 20, enrolled: 20, districtCode: '500112' },
      { id: 'inst-visit', name: '参观托育园', capacity: 20, enrolled: 20, districtCode: '500112' },
      { id: 'inst-unwatched', name: '无人订阅园', capacity: 20, enrolled: 20, districtCode: '500112' },
    ])
    ;[parent, other] = await createFamilies(t.db, 2)
    // the first round only looks: it sets the watermark
    expect(await t.app.searchAlerts.runOnce()).toEqual({ changes: 0, alerts: 0 })
  })
  afterAll(async () => {
    await t.close()
  })

  const alertsOf = async (family: Family): Promise<SearchAlert[]> => {
    const answer = await requestJson(t.app, 'GET', '/api/v1/me/alerts', undefined, family.headers)
    expect(answer.status).toBe(200)
    return (answer.body as { items: unknown[] }).items.map((item) => SearchAlertSchema.parse(item))
  }
  const publish = async (institutionId: string, kind: 'open_day' | 'visit', startsAt: dayjs.Dayjs) => {
    const staff = await signInStaff(t, institutionId)
    const body = { kind, startsAt: startsAt.toISOString(), endsAt: startsAt.add(2, 'hour').toISOString(), capacity: 10 }
    const answer = await requestJson(t.app, 'POST', '/api/v1/staff/slots', body, staff.headers)
    expect(answer.status).toBe(201)
  }
  // Rounds run at the real time: a round's watermark must not pass the next slot's created_at.
  const round = () => t.app.searchAlerts.runOnce(new Date())
  const queued = async (userId: string) =>
    (await t.db.query<{ payload: Record<string, string> }>(`select payload from notification_outbox where kind = 'open_day_alert' and user_id = $1 order by id`, [userId])).rows

  it('refuses bad subscriptions with 400, strangers with 401 and unknown places with 404', async () => {
    for (const body of [{}, { institutionId: '' }, { institutionId: 42 }, { institutionId: 'a\u0000b' }, null]) {
      const answer = await requestJson(t.app, 'POST', '/api/v1/me/open-day-watches', body, parent.headers)
      expect({ body, status: answer.status }).toEqual({ body, status: 400 })
      expect((answer.body as { error: { message: string } }).error.message).toMatch(/[\u4e00-\u9fa5]/)
    }
    expect((await requestJson(t.app, 'POST', '/api/v1/me/open-day-watches', { institutionId: 'inst-quiet' })).status).toBe(401)
    const unknown = await requestJson(t.app, 'POST', '/api/v1/me/open-day-watches', { institutionId: 'no-such-place' }, parent.headers)
    expect(unknown.status).toBe(404)
    expect((await t.db.query(`select 1 from open_day_watches`)).rows).toHaveLength(0)
  })

  it('subscribes once per place, however many taps, and lists it', async () => {
    const taps = await Promise.all([1, 2, 3].map(() => requestJson(t.app, 'POST', '/api/v1/me/open-day-watches', { institutionId: 'inst-quiet' }, parent.headers)))
    expect(taps.map((a) => a.status).sort()).toEqual([200, 200, 201])
    expect(new Set(taps.map((a) => OpenDayWatchSchema.parse(a.body).id)).size).toBe(1)
    expect((await requestJson(t.app, 'POST', '/api/v1/me/open-day-watches', { institutionId: 'inst-visit' }, parent.headers)).status).toBe(201)
    const list = await requestJson(t.app, 'GET', '/api/v1/me/open-day-watches', undefined, parent.headers)
    expect((list.body as { items: Array<{ institution: { name: string } }> }).items.map((w) => w.institution.name)).toEqual(['安静托育园', '参观托育园'])
    const theirs = await requestJson(t.app, 'GET', '/api/v1/me/open-day-watches', undefined, other.headers)
    expect((theirs.body as { items: unknown[] }).items).toHaveLength(0)
  })

  it('tells the subscriber, once that day, naming the open day, when staff publish one', async () => {
    const startsAt = inShanghai(new Date()).add(3, 'day').hour(9).minute(30).second(0).millisecond(0)
    await publish('inst-quiet', 'open_day', startsAt)
    await publish('inst-unwatched', 'open_day', startsAt)
    expect((await round()).alerts).toBe(1)
    const [alert, ...more] = await alertsOf(parent)
    expect(more).toHaveLength(0)
    expect(alert).toMatchObject({ change: 'open_day_published', institution: { id: 'inst-quiet' }, savedSearchId: null, savedSearchName: null })
    expect(alert.openDayWatchId).not.toBeNull()
    expect(alert.text).toBe(`安静托育园 发布了${SLOT_KIND_LABELS.open_day}（${startsAt.format('M月D日 HH:mm')}），现在可以预约`)
    expect(await queued(parent.userId)).toEqual([{ payload: { institution: '安静托育园', activity: SLOT_KIND_LABELS.open_day, time: startsAt.format('YYYY-MM-DD HH:mm') } }])
    expect(await alertsOf(other)).toHaveLength(0)

    // a second open day the same day: no second alert, no second message
    await publish('inst-quiet', 'open_day', startsAt.add(1, 'day'))
    expect((await round()).alerts).toBe(0)
    expect(await alertsOf(parent)).toHaveLength(1)
    expect(await queued(parent.userId)).toHaveLength(1)
  })

  it('tells of a visit too, and again on another day', async () => {
    const startsAt = inShanghai(new Date()).add(5, 'day').hour(15).minute(0).second(0).millisecond(0)
    await publish('inst-visit', 'visit', startsAt)
    expect((await round()).alerts).toBe(1)
    const visitAlert = (await alertsOf(parent)).find((a) => a.institution.id === 'inst-visit')!
    expect(visitAlert.change).toBe('visit_published')
    expect(visitAlert.text).toBe(`参观托育园 发布了${SLOT_KIND_LABELS.visit}（${startsAt.format('M月D日 HH:mm')}），现在可以预约`)

    // the next day is another day: move today's alerts to yesterday, and a new open day is a new alert
    await t.db.query(`update saved_search_alerts set alert_day = alert_day - 1`)
    await publish('inst-quiet', 'open_day', startsAt.add(1, 'day'))
    expect((await round()).alerts).toBe(1)
    expect((await alertsOf(parent)).filter((a) => a.institution.id === 'inst-quiet')).toHaveLength(2)
  })

  it('stops telling after the parent cancels, and only the owner may cancel', async () => {
    const list = await requestJson(t.app, 'GET', '/api/v1/me/open-day-watches', undefined, parent.headers)
    const quiet = (list.body as { items: Array<{ id: string; institution: { id: string } }> }).items.find((w) => w.institution.id === 'inst-quiet')!
    expect((await requestJson(t.app, 'DELETE', `/api/v1/me/open-day-watches/${quiet.id}`, undefined, other.headers)).status).toBe(404)
    expect((await requestJson(t.app, 'DELETE', `/api/v1/me/open-day-watches/${quiet.id}`, undefined, parent.headers)).status).toBe(204)
    expect((await requestJson(t.app, 'DELETE', `/api/v1/me/open-day-watches/${quiet.id}`, undefined, parent.headers)).status).toBe(404)
    expect((await alertsOf(parent)).filter((a) => a.institution.id === 'inst-quiet')).toHaveLength(0)
    // another parent still subscribed is told; the one who cancelled is not
    expect((await requestJson(t.app, 'POST', '/api/v1/me/open-day-watches', { institutionId: 'inst-quiet' }, other.headers)).status).toBe(201)
    await t.db.query(`update saved_search_alerts set alert_day = alert_day - 1`)
    await publish('inst-quiet', 'open_day', inShanghai(new Date()).add(10, 'day').hour(10))
    expect((await round()).alerts).toBe(1)
    expect((await alertsOf(parent)).filter((a) => a.institution.id === 'inst-quiet')).toHaveLength(0)
    expect((await alertsOf(other)).map((a) => a.institution.id)).toEqual(['inst-quiet'])
  })
})
