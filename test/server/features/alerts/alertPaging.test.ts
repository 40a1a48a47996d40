import { MAX_SAVED_SEARCHES, SavedSearchSchema, SearchAlertSchema } from '@domain/savedSearch'
import { openTestApp, TestApp } from '@test/support/app'
import { seedInstitutions } from '@test/support/bookingFixtures'
import { TEST_BACKENDS } from '@test/support/database'
import { walkPages } from '@test/support/pageWalk'
import { requestJson, signInParent, TestSession } from '@test/support/session'

const YUBEI = '500112'
const DAYS = ['2026-11-18', '2026-11-19', '2026-11-20']

/*
 * 我的 · 保存的搜索 and 空位提醒 page through the one paging helper: more than a page of
 * each, read page by page, gives every row once. The alerts share one creation instant, so
 * only the id tie-break orders them.
 */
describe.each(TEST_BACKENDS)('saved searches and alerts page on %s', (backend) => {
  let t: TestApp
  let parent: TestSession
  let searchIds: string[]

  beforeAll(async () => {
    t = await openTestApp(backend)
    await seedInstitutions(t.db, [{ id: 'inst-alert-page', districtCode: YUBEI }])
    parent = await signInParent(t.app)
    searchIds = []
    for (let i = 0; i < MAX_SAVED_SEARCHES; i += 1) {
      const saved = await requestJson(t.app, 'POST', '/api/v1/me/saved-searches', { name: `渝北 ${i + 1}`, districtCode: YUBEI }, parent.headers)
      expect(saved.status).toBe(201)
      searchIds.push((saved.body as { id: string }).id)
    }
  })
  afterAll(() => t.close())

  it('pages the saved searches in the order they were saved, each once', async () => {
    const walk = await walkPages(t.app, '/api/v1/me/saved-searches', 3, parent.headers)
    expect(walk.pages).toBe(Math.ceil(MAX_SAVED_SEARCHES / 3))
    expect(walk.items.map((item) => SavedSearchSchema.parse(item).id)).toEqual(searchIds)
  })

  it('pages the alerts newest first, each alert once', async () => {
    let n = 0
    for (const searchId of searchIds) {
      for (const day of DAYS) {
        n += 1
        await t.db.query(
          `insert into saved_search_alerts (id, saved_search_id, user_id, alert_day, change, institution_id, text, created_at)
           values ($1, $2, $3, $4, 'vacancy_gained', 'inst-alert-page', '有空位了', $5)`,
          [`alert-${String(n).padStart(3, '0')}`, searchId, parent.userId, day, `${day}T01:00:00.000001Z`],
        )
      }
    }
    const walk = await walkPages(t.app, '/api/v1/me/alerts', 7, parent.headers)
    const alerts = walk.items.map((item) => SearchAlertSchema.parse(item))
    expect(walk.pages).toBe(Math.ceil(n / 7))
    expect(new Set(alerts.map((a) => a.id)).size).toBe(n)
    const days = alerts.map((a) => a.day)
    expect(days).toEqual([...days].sort().reverse())
    // another parent's list is theirs alone
    const other = await signInParent(t.app)
    expect((await walkPages(t.app, '/api/v1/me/alerts', 7, other.headers)).items).toEqual([])
  })

  it('refuses a cursor of another shape with a 400', async () => {
    const cursor = Buffer.from(JSON.stringify({ o: 3 })).toString('base64url')
    expect((await requestJson(t.app, 'GET', `/api/v1/me/alerts?cursor=${cursor}`, undefined, parent.headers)).status).toBe(400)
  })
})
