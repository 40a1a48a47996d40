import { LecturePageSchema } from '@domain/content'
import { ErrorBodySchema } from '@domain/errors'
import { demoHealthCentreLectures, demoHealthCentres, ensureDemoHealthCentres } from '@server/demo/demoHealthCentres'
import { SEED_DISTRICTS } from '@server/features/find/districtCatalog'
import { openTestApp, TestApp } from '@test/support/app'
import { TEST_BACKENDS } from '@test/support/database'
import { addChild, requestJson, signInParent } from '@test/support/session'
import { bookingBody, insertSlotRow, postBooking, seedInstitutions } from '@test/support/bookingFixtures'

const LONGXI = { lat: 29.6055, lng: 106.5235 }

describe.each(TEST_BACKENDS)('GET /api/v1/lectures on %s', (backend) => {
  let t: TestApp
  let soon: string
  let later: string
  beforeAll(async () => {
    t = await openTestApp(backend)
    await seedInstitutions(t.db, [
      { id: 'inst-longxi', location: LONGXI },
      { id: 'inst-beibei', name: '（演示数据）北碚小星星托育园', districtCode: '500109', location: { lat: 29.83, lng: 106.43 } },
    ])
    soon = await insertSlotRow(t.db, { institutionId: 'inst-longxi', kind: 'lecture', startsInHours: 2 })
    later = await insertSlotRow(t.db, { institutionId: 'inst-beibei', kind: 'lecture', startsInHours: 24 * 70 })
    await insertSlotRow(t.db, { institutionId: 'inst-longxi', kind: 'open_day', startsInHours: 3 })
    await insertSlotRow(t.db, { institutionId: 'inst-longxi', kind: 'lecture', startsInHours: 4, status: 'cancelled' })
    await insertSlotRow(t.db, { institutionId: 'inst-longxi', kind: 'lecture', startsInHours: -1 })
    await ensureDemoHealthCentres(t.db)
  })
  afterAll(async () => {
    await t.close()
  })

  const lectures = async (query = '') => {
    const answer = await requestJson(t.app, 'GET', `/api/v1/lectures${query}`)
    expect(answer.status).toBe(200)
    return LecturePageSchema.parse(answer.body)
  }

  async function everyPage(query: string) {
    const items = []
    let cursor: string | null = null
    do {
      const page = await lectures(`${query}${query ? '&' : '?'}limit=50${cursor ? `&cursor=${cursor}` : ''}`)
      items.push(...page.items)
      cursor = page.nextCursor
    } while (cursor)
    return items
  }

  it('lists upcoming open lectures by start time, from institutions and health centres', async () => {
    const items = await everyPage('')
    const starts = items.map((l) => Date.parse(l.slot.startsAt))
    expect(starts).toEqual([...starts].sort((a, b) => a - b))
    expect(items[0].slot.id).toBe(soon)
    expect(items.every((l) => l.slot.kind === 'lecture' && l.slot.status === 'open')).toBe(true)
    expect(new Set(items.map((l) => l.host.kind))).toEqual(new Set(['institution', 'maternal_child_health', 'community_health']))
    expect(new Set(items.filter((l) => l.host.kind === 'maternal_child_health').map((l) => l.host.name))).toEqual(
      new Set(['渝北区妇幼保健院（演示数据）', '北碚区妇幼保健院（演示数据）']),
    )
    expect(items.some((l) => 'distanceKm' in l.host)).toBe(false)
  })

  it('leaves out other kinds, cancelled and started lectures, and those past the default 60 days', async () => {
    const ids = (await everyPage('')).map((l) => l.slot.id)
    expect(ids).toContain(soon)
    expect(ids).not.toContain(later) // 70 days ahead
    const ours = (await everyPage('')).filter((l) => l.host.id === 'inst-longxi')
    expect(ours.map((l) => l.slot.id)).toEqual([soon])
  })

  it('orders by distance when lat and lng are given', async () => {
    const items = await everyPage(`?lat=${LONGXI.lat}&lng=${LONGXI.lng}`)
    expect(items[0].host.id).toBe('inst-longxi')
    expect(items[0].host.distanceKm).toBe(0)
    const distances = items.map((l) => l.host.distanceKm!)
    expect(distances).toEqual([...distances].sort((a, b) => a - b))
  })

  it('narrows to a district by name or code, and to a time window', async () => {
    const beibei = await everyPage(`?district=${encodeURIComponent('北碚区')}`)
    expect(beibei.length).toBeGreaterThan(0)
    expect(beibei.every((l) => l.host.district === '北碚区')).toBe(true)
    expect((await everyPage('?district=500109')).length).toBe(beibei.length)
    const from = new Date(Date.now() + 24 * 3600 * 1000 * 69).toISOString()
    const to = new Date(Date.now() + 24 * 3600 * 1000 * 71).toISOString()
    expect((await everyPage(`?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`)).map((l) => l.slot.id)).toEqual([later])
  })

  it('answers 400 for half a location, bad numbers, a backwards window or a forged cursor', async () => {
    for (const query of ['?lat=29.6', '?lat=abc&lng=106.5', '?lat=91&lng=106.5', '?from=2026-01-02T00:00:00%2B08:00&to=2026-01-01T00:00:00%2B08:00', '?from=tomorrow', '?cursor=zzz', '?limit=0']) {
      const answer = await requestJson(t.app, 'GET', `/api/v1/lectures${query}`)
      expect({ query, status: answer.status }).toEqual({ query, status: 400 })
      expect(ErrorBodySchema.parse(answer.body).error.code).toBe('VALIDATION')
    }
  })

  it('books a health centre\'s lecture with POST /bookings, like any slot', async () => {
    const lecture = (await everyPage('')).find((l) => l.host.kind === 'maternal_child_health')!
    const parent = await signInParent(t.app)
    const child = await addChild(t.app, parent, { birthDate: '2025-06-01' })
    const answer = await postBooking(t.app, parent, bookingBody(lecture.slot.id, child.id))
    expect(answer.status).toBe(201)
    expect(answer.body).toMatchObject({ status: 'confirmed', institution: { id: lecture.host.id, name: lecture.host.name } })
  })

  it('lists a health centre\'s slots with the host the booking form shows, though it has no childcare page', async () => {
    const lecture = (await everyPage('')).find((l) => l.host.kind === 'maternal_child_health')!
    const answer = await requestJson(t.app, 'GET', `/api/v1/institutions/${lecture.host.id}/slots?kind=lecture`)
    expect(answer.status).toBe(200)
    const body = answer.body as { items: Array<{ id: string }>; host: { id: string; name: string } }
    expect(body.host).toMatchObject({ id: lecture.host.id, name: lecture.host.name })
    expect(body.items.map((s) => s.id)).toContain(lecture.slot.id)
  })

  it('keeps health centres out of the childcare institution search', async () => {
    const answer = await requestJson(t.app, 'GET', `/api/v1/institutions?q=${encodeURIComponent('卫生服务中心')}`)
    expect(answer.status).toBe(200)
    expect((answer.body as { items: unknown[] }).items).toEqual([])
    const all = await requestJson(t.app, 'GET', '/api/v1/institutions?limit=50')
    expect((all.body as { items: Array<{ id: string }> }).items.map((i) => i.id).sort()).toEqual(['inst-beibei', 'inst-longxi'])
    const detail = await requestJson(t.app, 'GET', '/api/v1/institutions/demo-health-500112-mch')
    expect(detail.status).toBe(404)
  })
})

describe('demo health centres', () => {
  it('are the same on every run, three per demo district, labelled 演示数据', () => {
    const centres = demoHealthCentres()
    expect(centres).toHaveLength(SEED_DISTRICTS.length * 3)
    expect(centres.every((c) => c.name.includes('演示数据'))).toBe(true)
    expect(demoHealthCentres()).toEqual(centres)
  })

  it('hold lectures dated from today, the same for the same day', () => {
    const now = new Date('2026-03-02T02:00:00Z')
    const lectures = demoHealthCentreLectures(demoHealthCentres(), now)
    expect(lectures.length).toBeGreaterThan(0)
    expect(lectures.every((l) => l.startsAt > '2026-03-03')).toBe(true)
    expect(demoHealthCentreLectures(demoHealthCentres(), now)).toEqual(lectures)
  })
})
