import { InstitutionRecord } from '@domain/institutionRecord'

/** One valid institution record on 渝北区龙溪街道, for writer tests; override what a test is about. */
export function sampleRecord(overrides: Partial<InstitutionRecord> = {}): InstitutionRecord {
  return {
    id: 'test-1',
    name: '（演示数据）渝北区龙溪街道小橙子托育园',
    kind: 'childcare_center',
    districtCode: '500112',
    street: '龙溪街道',
    address: '重庆市渝北区龙溪街道金山路18号',
    location: { lat: 29.6055, lng: 106.5235 },
    affordable: true,
    demonstrationLevel: null,
    filing: { number: 'TEST-500112-0001', filedOn: '2023-05-10', authority: '重庆市渝北区卫生健康委员会', status: 'filed' },
    ageRange: { minMonths: 12, maxMonths: 36 },
    careModes: [
      { mode: 'full_day', fee: 250_000, unit: 'per_month' },
      { mode: 'hourly', fee: 4_500, unit: 'per_hour' },
    ],
    capacity: 35,
    enrolled: 30,
    hours: { days: '周一至周五', opensAt: '07:30', closesAt: '18:00' },
    contactPhone: '023-5550-0001',
    description: '',
    photos: [],
    classes: [
      { type: 'toddler', classCount: 1, capacity: 15, enrolled: 14 },
      { type: 'preschool', classCount: 1, capacity: 20, enrolled: 16 },
    ],
    inspections: [{ id: 'test-1-i1', inspectedOn: '2025-03-02', authority: '重庆市渝北区卫生健康委员会', result: 'passed', summary: '消防、食品安全检查合格' }],
    rectifications: [],
    ratingSum: 9,
    ratingCount: 2,
    isDemo: true,
    ...overrides,
  }
}
