import { openTestApp, TestApp } from '@test/support/app'
import { insertSlotRow, seedInstitutions } from '@test/support/bookingFixtures'
import { requestJson } from '@test/support/session'

/* 可预约 on the cards and as a filter (issue 12): an open day, visit or trial with room within four weeks. */
describe('GET /institutions marks and filters 可预约', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await openTestApp('pglite')
    await seedInstitutions(t.db, [{ id: 'inst-open' }, { id: 'inst-full' }, { id: 'inst-later' }, { id: 'inst-lecture' }, { id: 'inst-none' }])
    await insertSlotRow(t.db, { institutionId: 'inst-open', startsInHours: 72 })
    await insertSlotRow(t.db, { institutionId: 'inst-full', startsInHours: 72, capacity: 5, booked: 5 })
    await insertSlotRow(t.db, { institutionId: 'inst-later', startsInHours: 24 * 40 })
    await insertSlotRow(t.db, { institutionId: 'inst-lecture', startsInHours: 72, kind: 'lecture' })
    await t.app.searchIndex.refresh()
  })
  afterAll(() => t.close())

  const search = async (query: string) => {
    const answer = await requestJson(t.app, 'GET', `/api/v1/institutions?district=渝北区&limit=50${query}`)
    expect(answer.status).toBe(200)
    return (answer.body as { items: { id: string; bookable?: boolean }[] }).items
  }

  it('marks only a place with room in an open day, visit or trial within four weeks', async () => {
    const marks = Object.fromEntries((await search('')).map((i) => [i.id, i.bookable]))
    expect(marks).toEqual({ 'inst-open': true, 'inst-full': false, 'inst-later': false, 'inst-lecture': false, 'inst-none': false })
  })

  it('filters by it, and the mark follows a booking that takes the last place', async () => {
    expect((await search('&bookable=true')).map((i) => i.id)).toEqual(['inst-open'])
    await t.db.query(`update slots set booked = capacity where institution_id = 'inst-open'`)
    expect(await search('&bookable=true')).toEqual([])
    expect((await search('')).find((i) => i.id === 'inst-open')?.bookable).toBe(false)
  })
})
