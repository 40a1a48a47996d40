import { InstitutionDetailSchema } from '@domain/institution'
import { medianFen } from '@domain/district'
import { todayInShanghai } from '@domain/shanghaiTime'
import { upsertDistricts, upsertInstitutions } from '@server/features/find/institutionWriter'
import { BEIBEI, institutionRecord, TEST_DISTRICTS, YUBEI } from '@test/fixtures/institutions'
import { openTestApp, TestApp } from '@test/support/app'
import { TEST_BACKENDS } from '@test/support/database'

function shiftDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

describe.each(TEST_BACKENDS)('GET /api/v1/institutions/:id on %s', (backend) => {
  let t: TestApp
  const today = todayInShanghai()
  const fullDayFees = [200_000, 250_000, 310_000, 400_000]

  beforeAll(async () => {
    t = await openTestApp(backend)
    await upsertDistricts(t.db, TEST_DISTRICTS)
    await upsertInstitutions(t.db, [
      institutionRecord({
        id: 'detail-1',
        demonstrationLevel: 'municipal',
        careModes: [
          { mode: 'full_day', fee: fullDayFees[0], unit: 'per_month' },
          { mode: 'hourly', fee: 5_000, unit: 'per_hour' },
        ],
        inspections: [
          { id: 'ins-1', inspectedOn: '2024-03-01', authority: '渝北区卫生健康委员会', result: 'passed', summary: '消防检查合格' },
          { id: 'ins-2', inspectedOn: '2025-01-10', authority: '渝北区卫生健康委员会', result: 'rectification_required', summary: '食品留样不全' },
        ],
        rectifications: [
          { id: 'r-met', issuedOn: '2025-01-10', dueOn: '2025-02-10', authority: '渝北区卫健委', issue: '食品留样', completedOn: '2025-02-01' },
          { id: 'r-late', issuedOn: '2025-01-10', dueOn: '2025-02-10', authority: '渝北区卫健委', issue: '消防通道', completedOn: '2025-03-01' },
          { id: 'r-open', issuedOn: shiftDays(today, -3), dueOn: today, authority: '渝北区卫健委', issue: '晨检记录', completedOn: null },
          { id: 'r-overdue', issuedOn: shiftDays(today, -30), dueOn: shiftDays(today, -1), authority: '渝北区卫健委', issue: '人员资质', completedOn: null },
        ],
        ratingSum: 14,
        ratingCount: 3,
      }),
      ...fullDayFees.slice(1).map((fee, i) =>
        institutionRecord({ id: `peer-${i}`, careModes: [{ mode: 'full_day', fee, unit: 'per_month' }] }),
      ),
      // Not counted in the median: suspended, and in another district.
      institutionRecord({
        id: 'suspended',
        careModes: [{ mode: 'full_day', fee: 900_000, unit: 'per_month' }],
        filing: { number: 'F-suspended', filedOn: '2022-01-01', authority: '渝北区卫健委', status: 'suspended' },
      }),
      institutionRecord({ id: 'elsewhere', districtCode: BEIBEI.code, careModes: [{ mode: 'full_day', fee: 100, unit: 'per_month' }] }),
    ])
  })
  afterAll(() => t.close())

  it('shows the whole public record in the contract shape', async () => {
    const response = await t.app.inject({ url: '/api/v1/institutions/detail-1' })
    expect(response.statusCode).toBe(200)
    const detail = InstitutionDetailSchema.parse(response.json())
    expect(detail).toMatchObject({
      id: 'detail-1',
      district: YUBEI.name,
      filing: { number: 'F-detail-1', status: 'filed', filedOn: '2023-05-10', authority: '重庆市渝北区卫生健康委员会' },
      hours: { days: '周一至周五', opensAt: '07:30', closesAt: '18:00' },
      demonstrationLevel: 'municipal',
      capacity: 35,
      vacancies: 5,
      rating: { average: 4.7, count: 3 },
    })
    expect(detail.classes.map((c) => c.type)).toEqual(['toddler', 'preschool'])
    expect(detail.inspections.map((i) => i.id)).toEqual(['ins-2', 'ins-1'])
  })

  it('computes each rectification outcome against today in Asia/Shanghai', async () => {
    const detail = InstitutionDetailSchema.parse((await t.app.inject({ url: '/api/v1/institutions/detail-1' })).json())
    const outcomes = Object.fromEntries(detail.rectifications.map((r) => [r.id, r.outcome]))
    expect(outcomes).toEqual({ 'r-met': 'met', 'r-late': 'late', 'r-open': 'open', 'r-overdue': 'overdue' })
  })

  it('compares each fee with the median of the same care mode over the district’s filed institutions', async () => {
    const detail = InstitutionDetailSchema.parse((await t.app.inject({ url: '/api/v1/institutions/detail-1' })).json())
    const median = medianFen(fullDayFees)!
    expect(detail.feeComparison).toEqual([
      { mode: 'full_day', fee: 200_000, districtMedian: median, relativeToMedian: Math.round(((200_000 - median) / median) * 1000) / 1000 },
      { mode: 'hourly', fee: 5_000, districtMedian: 5_000, relativeToMedian: 0 },
    ])
  })

  it('answers 404 NOT_FOUND in the contract shape for an unknown id', async () => {
    const response = await t.app.inject({ url: '/api/v1/institutions/no-such-place' })
    expect(response.statusCode).toBe(404)
    expect(response.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.stringMatching(/[\u4e00-\u9fff]/) } })
  })
})
