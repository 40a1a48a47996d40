import { InstitutionSummary, InstitutionSummarySchema } from '@domain/institution'

/** One valid search card (a filed 全日托 centre in 渝北区), checked by its schema; `overrides` change any field. */
export function institutionSummary(overrides: Partial<InstitutionSummary> = {}): InstitutionSummary {
  return InstitutionSummarySchema.parse({
    id: 'inst-001',
    name: '龙溪托育园',
    kind: 'childcare_center',
    district: '渝北区',
    districtCode: '500112',
    street: '龙溪街道',
    address: '龙溪街道 1 号',
    location: { lat: 29.6, lng: 106.5 },
    affordable: true,
    filing: { number: '渝托备500112-0001', status: 'filed' },
    ageRange: { minMonths: 12, maxMonths: 36 },
    careModes: [{ mode: 'full_day', fee: 180_000, unit: 'per_month' }],
    capacity: 60,
    vacancies: 4,
    rating: { average: null, count: 0 },
    demonstrationLevel: null,
    isDemo: true,
    ...overrides,
  })
}
