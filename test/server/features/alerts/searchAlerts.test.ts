import crypto from 'node:crypto'
import fc from 'fast-check'
import { CARE_MODES, CareMode } from '@domain/careMode'
import { SearchAlertSchema } from '@domain/savedSearch'
import { InstitutionRecord } from '@domain/institutionRecord'
import { generateInstitutions, TEST_DISTRICTS } from '@test/fixtures/institutions'
import { openTestApp, TestApp } from '@test/support/app'
import { insertSlotRow, seedInstitutions } from '@test/support/bookingFixtures'
import { TEST_BACKENDS } from '@test/support/database'
import { createFamilies } from '@test/support/postgresHarness'
import { requestJson} from '@test/support/session'
import { signInStaff } from '@test/support/staffAccounts'
import { bandsWithin } from '@domain/vacancies'

/*
 * The alert bar: a vacancy added in the workbench produces exactly one alert for each
 * matching saved search and none for the others, checked over 1,000 saved searches
 * against a brute-force matcher written here from the filters' plain meaning.
 */

jest.setTimeout(120_000)

interface Criteria {
  id: string
  userId: string
  districtCode: string | null
  lat: number | null
  lng: number | null
  radiusKm: number | null
  careMode: CareMode | null
  ageMonths: number | null
  maxFee: number | null
  affordableOnly: boolean
}

/** Haversine on a 6371 km sphere: the brute force shares no code with the product's matcher. */
function km(aLat: number, aLng: number, bLat: number, bLng: number): number {
  const r = (d: number) => (d * Math.PI) / 180
  const h = Math.sin(r(bLat - aLat) / 2) ** 2 + Math.cos(r(aLat)) * Math.cos(r(bLat)) * Math.sin(r(bLng - aLng) / 2) ** 2
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h))
}

function bruteForceMatches(s: Criteria, inst: InstitutionRecord): boolean {
  const place = s.lat !== null ? km(s.lat, s.lng!, inst.location.lat, inst.location.lng) <= s.radiusKm! : inst.districtCode === s.districtCode
  const affordable = !s.affordableOnly || inst.affordable
  const age = s.ageMonths === null || (inst.ageRange.minMonths <= s.ageMonths && s.ageMonths <= inst.ageRange.maxMonths)
  const offered = inst.careModes.find((m) => m.mode === s.careMode)
  const mode = s.careMode === null || (offered !== undefined && (s.maxFee === null || offered.fee <= s.maxFee))
  return place && affordable && age && mode
}

/** A vacancy tells a search only if it is in the search's care mode and the child's class (乳儿班 0–11 months, 托小班 12–23, 托大班 24–36). */
function wantsCell(s: Criteria, cell: { careMode: CareMode; ageBand: string }): boolean {
  const band = s.ageMonths === null ? null : s.ageMonths < 12 ? 'infant' : s.ageMonths < 24 ? 'toddler' : 'preschool'
  return (s.careMode === null || s.careMode === cell.careMode) && (band === null || band === cell.ageBand)
}

const CENTRE = { lat: 29.6055, lng: 106.5235 }

function savedSearchArbitrary(userIds: string[]) {
  return fc.record({
    user: fc.constantFrom(...userIds),
    byLocation: fc.boolean(),
    district: fc.constantFrom(...TEST_DISTRICTS.map((d) => d.code)),
    dLat: fc.integer({ min: -15_000, max: 15_000 }),
    dLng: fc.integer({ min: -15_000, max: 15_000 }),
    radiusKm: fc.constantFrom(0.5, 1, 2, 3, 5, 10, 20),
    careMode: fc.option(fc.constantFrom(...CARE_MODES), { nil: null }),
    ageMonths: fc.option(fc.integer({ min: 0, max: 36 }), { nil: null }),
    maxFee: fc.option(fc.constantFrom(3_000, 8_000, 150_000, 250_000, 400_000, 700_000), { nil: null }),
    affordableOnly: fc.boolean(),
  })
}

describe.each(TEST_BACKENDS)('saved-search alerts on %s', (backend) => {
  let t: TestApp
  let institutions: InstitutionRecord[]
  let searches: Criteria[]
  let target: InstitutionRecord
  /** Told of the two places staff free at target (in its first care mode and class). */
  const alertedForTarget = (s: Criteria) => bruteForceMatches(s, target) && wantsCell(s, vacanciesOf(target, 2).vacancies[0])

  beforeAll(async () => {
    t = await openTestApp(backend)
    institutions = generateInstitutions(40, 10)
    // the one that will free places: full, with room to free two
    target = { ...institutions.find((i) => i.capacity >= 10)! }
    target.enrolled = target.capacity
    institutions = institutions.map((i) => (i.id === target.id ? target : i))
    await seedInstitutions(t.db, institutions)
    const families = await createFamilies(t.db, 100)
    const samples = fc.sample(savedSearchArbitrary(families.map((f) => f.userId)), { seed: 42, numRuns: 1000 })
    searches = samples.map((s) => ({
      id: crypto.randomUUID(),
      userId: s.user,
      districtCode: s.byLocation ? null : s.district,
      lat: s.byLocation ? CENTRE.lat + s.dLat / 100_000 : null,
      lng: s.byLocation ? CENTRE.lng + s.dLng / 100_000 : null,
      radiusKm: s.byLocation ? s.radiusKm : null,
      careMode: s.careMode,
      ageMonths: s.ageMonths,
      maxFee: s.careMode === null ? null : s.maxFee,
      affordableOnly: s.affordableOnly,
    }))
    const column = <K extends keyof Criteria>(key: K) => searches.map((s) => s[key])
    await t.db.query(
      `insert into saved_searches (id, user_id, name, district_code, lat, lng, radius_km, care_mode, age_months, max_fee, affordable_only)
       select unnest($1::text[]), unnest($2::text[]), '附近的托育', unnest($3::text[]), unnest($4::float8[]), unnest($5::float8[]), unnest($6::float8[]),
              unnest($7::text[]), unnest($8::int[]), unnest($9::int[]), unnest($10::boolean[])`,
      [column('id'), column('userId'), column('districtCode'), column('lat'), column('lng'), column('radiusKm'), column('careMode'), column('ageMonths'), column('maxFee'), column('affordableOnly')],
    )
    // the first round only looks: it records what there is and alerts nobody
    expect(await t.app.searchAlerts.runOnce()).toEqual({ changes: 0, alerts: 0 })
  })
  afterAll(async () => {
    await t.close()
  })

  async function alertRows(): Promise<Array<{ saved_search_id: string; change: string; alert_day: string }>> {
    return (await t.db.query<{ saved_search_id: string; change: string; alert_day: string }>(`select saved_search_id, change, alert_day from saved_search_alerts`)).rows
  }

  it('alerts exactly the saved searches a brute-force matcher picks when staff free two places', async () => {
    const staff = await signInStaff(t, target.id)
    const put = await requestJson(t.app, 'PUT', '/api/v1/staff/institution/facts', vacanciesOf(target, 2), staff.headers)
    expect(put.status).toBe(200)
    const started = performance.now()
    const round = await t.app.searchAlerts.runOnce()
    const roundMs = performance.now() - started
    const expected = new Set(searches.filter(alertedForTarget).map((s) => s.id))
    // a meaningful sample: some match, most do not, and some match the institution but want another care mode or class
    expect(searches.filter((s) => bruteForceMatches(s, target) && !alertedForTarget(s)).length).toBeGreaterThan(5)
    expect(expected.size).toBeGreaterThan(20)
    expect(expected.size).toBeLessThan(900)
    const rows = await alertRows()
    expect(new Set(rows.map((r) => r.saved_search_id))).toEqual(expected)
    expect(rows).toHaveLength(expected.size)
    expect(round).toEqual({ changes: 1, alerts: expected.size })
    const queued = await t.db.query<{ n: number }>(`select count(*)::int as n from notification_outbox where kind = 'vacancy_alert'`)
    expect(queued.rows[0].n).toBe(expected.size)
    // eslint-disable-next-line no-console
    console.log(`[${backend}] 1,000 saved searches: ${expected.size} alerts queued in one round of ${roundMs.toFixed(0)} ms`)
  })

  it('names what changed, shows it in 我的, and sends no second alert the same day', async () => {
    const owner = searches.find(alertedForTarget)!
    const before = (await alertRows()).length
    const staff = await signInStaff(t, target.id)
    await requestJson(t.app, 'PUT', '/api/v1/staff/institution/facts', vacanciesOf(target, 4), staff.headers)
    await insertSlotRow(t.db, { institutionId: target.id, kind: 'open_day', startsInHours: 72 })
    // the round sees slots created up to its own moment (milliseconds) and the database
    // stamps microseconds: let the clock pass the insert, or the next round would take it
    await new Promise((resolve) => setTimeout(resolve, 5))
    const round = await t.app.searchAlerts.runOnce()
    // the searches already told today get nothing more; those that want another care mode or
    // class were not told of the places, so the open day is their first alert today
    const toldOfOpenDay = searches.filter((s) => bruteForceMatches(s, target) && !alertedForTarget(s))
    expect(round.alerts).toBe(toldOfOpenDay.length)
    expect((await alertRows()).length).toBe(before + toldOfOpenDay.length)
    const { rows } = await t.db.query<{ text: string }>(`select text from saved_search_alerts where saved_search_id = $1`, [owner.id])
    expect(rows[0].text).toBe(`${target.name} 新增 2 个空位（现有 2 个）`)
  })

  it('alerts a matching search of another institution when it publishes an open day', async () => {
    // every search matching target has had its alert today (the places, or target's open day)
    const other = institutions.find((i) => i.id !== target.id && searches.some((s) => bruteForceMatches(s, i) && !bruteForceMatches(s, target)))!
    const expected = searches.filter((s) => bruteForceMatches(s, other) && !bruteForceMatches(s, target)).map((s) => s.id)
    await insertSlotRow(t.db, { institutionId: other.id, kind: 'open_day', startsInHours: 48 })
    const round = await t.app.searchAlerts.runOnce(new Date(Date.now() + 1000))
    expect(round.alerts).toBe(expected.length)
    const rows = await alertRows()
    const toldOfTargetsOpenDay = new Set(searches.filter((s) => bruteForceMatches(s, target) && !alertedForTarget(s)).map((s) => s.id))
    const openDayAlerts = rows.filter((r) => r.change === 'open_day_published').map((r) => r.saved_search_id)
    expect(openDayAlerts.filter((id) => !toldOfTargetsOpenDay.has(id)).sort()).toEqual([...expected].sort())
    expect(openDayAlerts).toHaveLength(expected.length + toldOfTargetsOpenDay.size)
    // never two alerts for one saved search on one day
    const perDay = new Map<string, number>()
    for (const r of rows) perDay.set(`${r.saved_search_id} ${r.alert_day}`, (perDay.get(`${r.saved_search_id} ${r.alert_day}`) ?? 0) + 1)
    expect(Math.max(...perDay.values())).toBe(1)
  })
})

/** The one vacancy editor's body: `total` places in the institution's first care mode and age band. */
function vacanciesOf(institution: InstitutionRecord, total: number) {
  return { vacancies: [{ careMode: institution.careModes[0].mode, ageBand: bandsWithin(institution.ageRange)[0], vacancies: total }] }
}

describe('saved searches over HTTP', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await openTestApp('pglite', { config: { alertIntervalMs: 200 } })
    await t.app.listen({ port: 0, host: '127.0.0.1' })
    await seedInstitutions(t.db, [{ id: 'inst-a', capacity: 20, enrolled: 20, districtCode: '500112', affordable: true }])
  })
  afterAll(async () => {
    await t.close()
  })

  it('saves, lists and deletes a search; refuses bad ones with 400', async () => {
    const [parent] = await createFamilies(t.db, 1)
    const bad = [
      { name: '附近' },
      { name: '附近', location: { lat: 29.6, lng: 106.5 } },
      { name: '附近', districtCode: '500112', maxFee: 300_000 },
      { name: '附近', districtCode: '500112', ageMonths: 40 },
      { name: '', districtCode: '500112' },
    ]
    for (const body of bad) {
      const answer = await requestJson(t.app, 'POST', '/api/v1/me/saved-searches', body, parent.headers)
      expect(answer.status).toBe(400)
    }
    const saved = await requestJson(t.app, 'POST', '/api/v1/me/saved-searches', { name: '渝北普惠全日托', districtCode: '500112', careMode: 'full_day', maxFee: 300_000, affordableOnly: true }, parent.headers)
    expect(saved.status).toBe(201)
    const list = await requestJson(t.app, 'GET', '/api/v1/me/saved-searches', undefined, parent.headers)
    expect((list.body as { items: unknown[] }).items).toHaveLength(1)
    const id = (saved.body as { id: string }).id
    expect((await requestJson(t.app, 'DELETE', `/api/v1/me/saved-searches/${id}`, undefined, parent.headers)).status).toBe(204)
    expect((await requestJson(t.app, 'DELETE', `/api/v1/me/saved-searches/${id}`, undefined, parent.headers)).status).toBe(404)
  })

  it('queues the alert within a minute of the change with the job on its timer', async () => {
    const [parent] = await createFamilies(t.db, 1)
    await requestJson(t.app, 'POST', '/api/v1/me/saved-searches', { name: '渝北', districtCode: '500112' }, parent.headers)
    // let the job take its first look
    await new Promise((resolve) => setTimeout(resolve, 600))
    const staff = await signInStaff(t, 'inst-a')
    const changedAt = Date.now()
    await requestJson(t.app, 'PUT', '/api/v1/staff/institution/facts', { vacancies: [{ careMode: 'full_day', ageBand: 'toddler', vacancies: 1 }] }, staff.headers)
    let alerts: unknown[] = []
    while (alerts.length === 0 && Date.now() - changedAt < 60_000) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      alerts = ((await requestJson(t.app, 'GET', '/api/v1/me/alerts', undefined, parent.headers)).body as { items: unknown[] }).items
    }
    const elapsed = Date.now() - changedAt
    expect(alerts).toHaveLength(1)
    expect(SearchAlertSchema.parse(alerts[0])).toMatchObject({ change: 'vacancy_gained', institution: { id: 'inst-a' }, savedSearchName: '渝北' })
    expect(elapsed).toBeLessThan(60_000)
    // eslint-disable-next-line no-console
    console.log(`change → queued alert: ${elapsed} ms with ALERT_INTERVAL_MS=200 (default 15,000 ms bounds it at about 15 s)`)
  })
})
