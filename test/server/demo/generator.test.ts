import { InstitutionRecordSchema } from '@domain/institutionRecord'
import { CLASS_RULES } from '@domain/institution'
import { SEED_DISTRICTS } from '@server/features/find/districtCatalog'
import { calibratedTotal, DEMO_AS_OF, generateDemoData } from '@server/demo/generator'
import { SYNTHETIC_DISTRICTS } from '@server/demo/syntheticCities'

const data = generateDemoData()
const yubei = data.institutions.filter((i) => i.districtCode === '500112')

describe('generateDemoData (five districts)', () => {
  it('is reproducible: the same seed gives identical output, another seed different output', () => {
    expect(generateDemoData()).toEqual(data)
    expect(generateDemoData({ seed: 7 })).toEqual(generateDemoData({ seed: 7 }))
    expect(generateDemoData({ seed: 7 }).institutions[0]).not.toEqual(data.institutions[0])
  })

  it('covers the five districts of the source documents', () => {
    expect(data.districts.map((d) => `${d.code} ${d.name}`)).toEqual(['500112 渝北区', '500111 大足区', '500109 北碚区', '510800 广元市', '512002 雁江区'])
    expect(data.institutions).toHaveLength(calibratedTotal())
  })

  it('matches 渝北区 published figures: 117 institutions, 103 托幼一体 and 14 托育机构, 6,201 places', () => {
    expect(yubei).toHaveLength(117)
    expect(yubei.filter((i) => i.kind === 'kindergarten_class')).toHaveLength(103)
    expect(yubei.filter((i) => i.kind === 'childcare_center')).toHaveLength(14)
    expect(yubei.reduce((sum, i) => sum + i.capacity, 0)).toBe(6_201)
  })

  it('keeps 渝北区 full-day fees within 1,500–6,800 元/月, touching both ends', () => {
    const fees = yubei.flatMap((i) => i.careModes.filter((m) => m.mode === 'full_day').map((m) => m.fee))
    expect(Math.min(...fees)).toBe(150_000)
    expect(Math.max(...fees)).toBe(680_000)
  })

  it('makes 渝北区 mostly full-day with a 普惠 share near 76%', () => {
    const share = yubei.filter((i) => i.affordable).length / yubei.length
    expect(share).toBeGreaterThanOrEqual(0.7)
    expect(share).toBeLessThanOrEqual(0.82)
    const fullDay = yubei.filter((i) => i.careModes.some((m) => m.mode === 'full_day')).length
    expect(fullDay / yubei.length).toBeGreaterThan(0.9)
    expect(yubei.some((i) => i.careModes.some((m) => m.mode !== 'full_day'))).toBe(true)
  })

  it('labels every institution as demo data (演示数据)', () => {
    for (const i of data.institutions) {
      expect(i.name).toContain('演示数据')
      expect(i.isDemo).toBe(true)
    }
  })

  it('produces records that pass the shared schema, with unique ids and filing numbers', () => {
    for (const i of data.institutions) expect(InstitutionRecordSchema.safeParse(i).success).toBe(true)
    expect(new Set(data.institutions.map((i) => i.id)).size).toBe(data.institutions.length)
    expect(new Set(data.institutions.map((i) => i.filing.number)).size).toBe(data.institutions.length)
  })

  it('places every institution inside its district, on a real street of it', () => {
    for (const district of SEED_DISTRICTS) {
      const { minLat, maxLat, minLng, maxLng } = district.bounds
      for (const street of district.streets) {
        expect(street.lat).toBeGreaterThanOrEqual(minLat)
        expect(street.lat).toBeLessThanOrEqual(maxLat)
        expect(street.lng).toBeGreaterThanOrEqual(minLng)
        expect(street.lng).toBeLessThanOrEqual(maxLng)
      }
      for (const i of data.institutions.filter((x) => x.districtCode === district.code)) {
        expect(i.location.lat).toBeGreaterThanOrEqual(minLat)
        expect(i.location.lat).toBeLessThanOrEqual(maxLat)
        expect(i.location.lng).toBeGreaterThanOrEqual(minLng)
        expect(i.location.lng).toBeLessThanOrEqual(maxLng)
        expect(district.streets.map((s) => s.name)).toContain(i.street)
        expect(i.filing.authority).toBe(district.filingAuthority)
      }
    }
  })

  it('keeps classes consistent: sizes legal, places summing to capacity, age range from the classes', () => {
    for (const i of data.institutions) {
      expect(i.classes.reduce((sum, c) => sum + c.capacity, 0)).toBe(i.capacity)
      expect(i.classes.reduce((sum, c) => sum + c.enrolled, 0)).toBe(i.enrolled)
      expect(i.enrolled).toBeLessThanOrEqual(i.capacity)
      for (const c of i.classes) {
        expect(c.enrolled).toBeLessThanOrEqual(c.capacity)
        expect(c.capacity).toBeLessThanOrEqual(c.classCount * CLASS_RULES[c.type].maxChildren)
      }
      expect(i.ageRange.minMonths).toBe(Math.min(...i.classes.map((c) => CLASS_RULES[c.type].minMonths)))
      expect(i.ageRange.maxMonths).toBe(Math.max(...i.classes.map((c) => CLASS_RULES[c.type].maxMonths)))
    }
    const kindergartens = yubei.filter((i) => i.kind === 'kindergarten_class')
    expect(kindergartens.filter((i) => i.ageRange.minMonths === 24).length / kindergartens.length).toBeGreaterThan(0.7)
  })

  it('has some full institutions and some with vacancies', () => {
    expect(yubei.some((i) => i.enrolled === i.capacity)).toBe(true)
    expect(yubei.filter((i) => i.enrolled < i.capacity).length).toBeGreaterThan(yubei.length / 2)
  })

  it('gives rectification notices every outcome as of the demo date: met, late, open and overdue', () => {
    const notices = data.institutions.flatMap((i) => i.rectifications)
    const met = notices.filter((n) => n.completedOn !== null && n.completedOn <= n.dueOn)
    const late = notices.filter((n) => n.completedOn !== null && n.completedOn > n.dueOn)
    const open = notices.filter((n) => n.completedOn === null && n.dueOn >= DEMO_AS_OF)
    const overdue = notices.filter((n) => n.completedOn === null && n.dueOn < DEMO_AS_OF)
    for (const group of [met, late, open, overdue]) expect(group.length).toBeGreaterThan(0)
    for (const n of notices) {
      expect(n.dueOn >= n.issuedOn).toBe(true)
      if (n.completedOn) expect(n.completedOn <= DEMO_AS_OF && n.completedOn >= n.issuedOn).toBe(true)
    }
  })

  it('dates inspections after filing and gives ratings within 1–5 on average', () => {
    for (const i of data.institutions) {
      for (const inspection of i.inspections) expect(inspection.inspectedOn > i.filing.filedOn).toBe(true)
      if (i.ratingCount > 0) {
        expect(i.ratingSum / i.ratingCount).toBeGreaterThanOrEqual(1)
        expect(i.ratingSum / i.ratingCount).toBeLessThanOrEqual(5)
      } else expect(i.ratingSum).toBe(0)
    }
    expect(data.institutions.some((i) => i.demonstrationLevel !== null)).toBe(true)
  })

  it('uses obviously fake phone numbers (no real local number starts with 0)', () => {
    for (const i of data.institutions) expect(i.contactPhone).toMatch(/^0\d{2,3}-0000-\d{4}$/)
  })
})

describe('generateDemoData at benchmark size', () => {
  it('scales to any count, leaving the five calibrated districts unchanged', () => {
    const big = generateDemoData({ count: 5_000 })
    expect(big.institutions).toHaveLength(5_000)
    expect(big.institutions.slice(0, data.institutions.length)).toEqual(data.institutions)
    expect(new Set(big.institutions.map((i) => i.filing.number)).size).toBe(5_000)
    expect(big.districts.length).toBe(5 + SYNTHETIC_DISTRICTS.length)
  })

  it('keeps synthetic institutions inside their synthetic district and labelled as demo data', () => {
    const big = generateDemoData({ count: 3_000 })
    const byCode = new Map(SYNTHETIC_DISTRICTS.map((d) => [d.code, d]))
    for (const i of big.institutions.slice(data.institutions.length)) {
      const d = byCode.get(i.districtCode)!
      expect(i.name).toContain('演示数据')
      expect(i.location.lat).toBeGreaterThanOrEqual(d.bounds.minLat)
      expect(i.location.lat).toBeLessThanOrEqual(d.bounds.maxLat)
      expect(i.location.lng).toBeGreaterThanOrEqual(d.bounds.minLng)
      expect(i.location.lng).toBeLessThanOrEqual(d.bounds.maxLng)
      expect(InstitutionRecordSchema.safeParse(i).success).toBe(true)
    }
  })

  it('takes a prefix of the calibrated data when asked for fewer', () => {
    expect(generateDemoData({ count: 10 }).institutions).toEqual(data.institutions.slice(0, 10))
  })
})
