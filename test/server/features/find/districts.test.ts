import { z } from 'zod'
import { DistrictSummarySchema, medianFen } from '@domain/district'
import { upsertDistricts, upsertInstitutions } from '@server/features/find/institutionWriter'
import { generateInstitutions, TEST_DISTRICTS } from '@test/fixtures/institutions'
import { openTestApp, TestApp } from '@test/support/app'
import { TEST_BACKENDS } from '@test/support/database'

describe.each(TEST_BACKENDS)('GET /api/v1/districts on %s', (backend) => {
  let t: TestApp
  const records = generateInstitutions(80, 11)
  const empty = { code: '500111', name: '大足区', province: '重庆市', city: '重庆市', center: { lat: 29.707, lng: 105.721 } }

  beforeAll(async () => {
    t = await openTestApp(backend)
    await upsertDistricts(t.db, [...TEST_DISTRICTS, empty])
    await upsertInstitutions(t.db, records)
  })
  afterAll(() => t.close())

  it('gives each district its filed institutions, places, vacancies, 普惠 share and median fees', async () => {
    const response = await t.app.inject({ url: '/api/v1/districts' })
    expect(response.statusCode).toBe(200)
    const { items } = z.object({ items: z.array(DistrictSummarySchema) }).parse(response.json())
    for (const district of TEST_DISTRICTS) {
      const filed = records.filter((r) => r.districtCode === district.code && r.filing.status === 'filed')
      const summary = items.find((d) => d.code === district.code)!
      expect(summary).toMatchObject({
        name: district.name,
        institutionCount: filed.length,
        capacity: filed.reduce((sum, r) => sum + r.capacity, 0),
        vacancies: filed.reduce((sum, r) => sum + r.capacity - r.enrolled, 0),
      })
      expect(summary.affordableShare).toBeCloseTo(filed.filter((r) => r.affordable).length / filed.length, 10)
      for (const median of summary.medianFees) {
        const fees = filed.flatMap((r) => r.careModes.filter((m) => m.mode === median.mode).map((m) => m.fee))
        expect(median).toEqual({ mode: median.mode, fee: medianFen(fees), unit: expect.any(String), institutionCount: fees.length })
      }
      const offered = new Set(filed.flatMap((r) => r.careModes.map((m) => m.mode)))
      expect(summary.medianFees.map((m) => m.mode).sort()).toEqual([...offered].sort())
    }
  })

  it('lists a district without institutions with zeros rather than leaving it out', async () => {
    const { items } = (await t.app.inject({ url: '/api/v1/districts' })).json() as { items: Array<z.infer<typeof DistrictSummarySchema>> }
    expect(items.find((d) => d.code === empty.code)).toMatchObject({ institutionCount: 0, capacity: 0, vacancies: 0, affordableShare: 0, medianFees: [] })
  })
})
