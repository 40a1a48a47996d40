import { CareMode, CareModeFee, UNIT_OF_CARE_MODE } from '@domain/careMode'
import { DistrictRecord } from '@domain/district'
import {
  CLASS_RULES,
  ClassType,
  DemonstrationLevel,
  INSTITUTION_KIND_LABELS,
  InstitutionKind,
} from '@domain/institution'
import { InstitutionRecord } from '@domain/institutionRecord'
import {
  CALIBRATION,
  DistrictCalibration,
  SYNTHETIC_AFFORDABLE_SHARE,
  SYNTHETIC_FULL_DAY_FEE,
  SYNTHETIC_KIND_WEIGHTS,
} from './calibration'
import { SEED_DISTRICTS, SeedDistrict, SeedStreet, toDistrictRecord } from '../features/find/districtCatalog'
import { createRandom, Random } from './random'
import { SYNTHETIC_DISTRICTS } from './syntheticCities'
import { dateBetween } from './demoDates'
import { records } from './oversightRecords'
import { clamp, hashCode, round6, roundTo, shuffle, splitEvenly } from './numbers'
import {
  CHILDCARE_BRANDS,
  DEMO_NAME_PREFIX,
  EMPLOYER_BRANDS,
  KINDERGARTEN_BRANDS,
  NAME_SUFFIXES,
  TOWN_ROADS,
} from './wording'

/*
 * The demo data generator (演示数据). Pure and reproducible: the same options give the
 * same records, byte for byte. Without `count` it makes the five districts of the
 * source documents, calibrated as calibration.ts says; with a larger `count` the rest
 * goes to synthetic districts in 40 cities across China, for benchmarks.
 */

export const DEFAULT_SEED = 20_240_601

export { DEMO_AS_OF } from './demoDates'

export interface GenerateOptions {
  /** Total institutions. Default: the five districts' calibrated total. */
  count?: number
  seed?: number
}

export interface GeneratedData {
  districts: DistrictRecord[]
  institutions: InstitutionRecord[]
}

export function calibratedTotal(): number {
  return SEED_DISTRICTS.reduce((sum, d) => sum + kindCount(CALIBRATION[d.code]), 0)
}

export function generateDemoData(options: GenerateOptions = {}): GeneratedData {
  const seed = options.seed ?? DEFAULT_SEED
  const count = options.count ?? calibratedTotal()
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number ≥ 0, got ${count}`)

  const institutions: InstitutionRecord[] = []
  const districts: DistrictRecord[] = []
  for (const district of SEED_DISTRICTS) {
    if (institutions.length >= count) break
    // Each district has its own stream, so adding synthetic ones never changes these.
    const random = createRandom(seed ^ hashCode(district.code))
    const generated = generateCalibratedDistrict(district, CALIBRATION[district.code], random)
    institutions.push(...generated.slice(0, count - institutions.length))
    districts.push(toDistrictRecord(district))
  }

  const remaining = count - institutions.length
  if (remaining > 0) {
    const perCity = splitEvenly(remaining, SYNTHETIC_DISTRICTS.length)
    SYNTHETIC_DISTRICTS.forEach((district, i) => {
      if (perCity[i] === 0) return
      const random = createRandom(seed ^ hashCode(district.code))
      institutions.push(...generateSyntheticDistrict(district, perCity[i], random))
      districts.push(toDistrictRecord(district))
    })
  }
  return { districts, institutions }
}

function generateCalibratedDistrict(district: SeedDistrict, calibration: DistrictCalibration, random: Random): InstitutionRecord[] {
  const kinds = shuffle(
    Object.entries(calibration.kinds).flatMap(([kind, n]) => Array<InstitutionKind>(n).fill(kind as InstitutionKind)),
    random,
  )
  const affordableCount = Math.round(kinds.length * calibration.affordableShare)
  const affordable = shuffle(
    kinds.map((_, i) => i < affordableCount),
    random,
  )
  const drafts = kinds.map((kind, i) => draftInstitution(district, kind, affordable[i], calibration.fullDayFee, random))
  hitCapacity(drafts, calibration.capacity, random)
  pinFeeRange(drafts, calibration.fullDayFee)
  return finish(district, drafts, 4, random)
}

function generateSyntheticDistrict(district: SeedDistrict, count: number, random: Random): InstitutionRecord[] {
  const drafts = Array.from({ length: count }, () =>
    draftInstitution(district, weightedKind(random), random.chance(SYNTHETIC_AFFORDABLE_SHARE), SYNTHETIC_FULL_DAY_FEE, random),
  )
  return finish(district, drafts, 6, random)
}

/** An institution before its enrolment and records are filled in. */
interface Draft {
  kind: InstitutionKind
  affordable: boolean
  street: SeedStreet
  classes: Array<{ type: ClassType; classCount: number; capacity: number }>
  /** Full-day fee, also the base half-day care is priced from. */
  fullDayFee: number
  careModes: CareMode[]
}

function draftInstitution(
  district: SeedDistrict,
  kind: InstitutionKind,
  affordable: boolean,
  feeRange: { min: number; max: number },
  random: Random,
): Draft {
  return {
    kind,
    affordable,
    street: pickStreet(district, random),
    classes: draftClasses(kind, random),
    fullDayFee: draftFullDayFee(kind, affordable, feeRange, random),
    careModes: draftCareModes(kind, random),
  }
}

/**
 * Class sizes stay within 《托育机构设置标准（试行）》: at most 10 a 乳儿班, 15 a 托小班,
 * 20 a 托大班. Kindergartens (托幼一体) mostly run 托大班 only, for 2–3-year-olds.
 */
function draftClasses(kind: InstitutionKind, random: Random): Draft['classes'] {
  const classes: Draft['classes'] = []
  const add = (type: ClassType, classCount: number) => {
    if (classCount <= 0) return
    const perClass = CLASS_RULES[type].maxChildren
    classes.push({ type, classCount, capacity: classCount * random.int(Math.ceil(perClass * 0.75), perClass) })
  }
  switch (kind) {
    case 'kindergarten_class':
      if (random.chance(0.18)) add('toddler', 1)
      add('preschool', random.pick([1, 2, 2, 3, 3, 3, 4, 4]))
      break
    case 'childcare_center':
      add('infant', random.pick([0, 1, 1, 2]))
      add('toddler', random.int(1, 3))
      add('preschool', random.int(1, 3))
      break
    case 'employer':
      add('toddler', 1)
      add('preschool', random.int(1, 2))
      break
    case 'community':
      add('toddler', 1)
      add('preschool', random.int(0, 1))
      break
    case 'family':
      // 家庭托育点: a handful of children in one home, not whole classes.
      classes.push({ type: 'toddler', classCount: 1, capacity: random.int(2, 3) })
      classes.push({ type: 'preschool', classCount: 1, capacity: random.int(2, 3) })
      break
  }
  return classes
}

function draftFullDayFee(kind: InstitutionKind, affordable: boolean, range: { min: number; max: number }, random: Random): number {
  const span = range.max - range.min
  // 普惠 places are price-capped near the bottom of the range; private centres spread wide.
  const [low, high] = affordable ? [0, 0.3] : kind === 'childcare_center' ? [0.25, 1] : [0.15, 0.75]
  const skewed = Math.pow(random.next(), affordable ? 1 : 1.6)
  return roundTo(range.min + span * (low + (high - low) * skewed), 5_000, range)
}

/** Mostly full-day; half-day, hourly and temporary care mainly at 托育机构 and community points. */
function draftCareModes(kind: InstitutionKind, random: Random): CareMode[] {
  const odds: Record<InstitutionKind, Record<CareMode, number>> = {
    kindergarten_class: { full_day: 1, half_day: 0.06, hourly: 0.02, temporary: 0.03 },
    childcare_center: { full_day: 0.95, half_day: 0.35, hourly: 0.25, temporary: 0.2 },
    employer: { full_day: 1, half_day: 0.2, hourly: 0.1, temporary: 0.3 },
    community: { full_day: 0.7, half_day: 0.5, hourly: 0.4, temporary: 0.3 },
    family: { full_day: 0.8, half_day: 0.4, hourly: 0.3, temporary: 0.2 },
  }
  const modes = (Object.keys(odds[kind]) as CareMode[]).filter((mode) => random.chance(odds[kind][mode]))
  return modes.length > 0 ? modes : ['full_day']
}

/**
 * Adjusts class sizes one place at a time until the district's places add up to the
 * published total, keeping every class within its legal size; opens another class
 * where all are full.
 */
function hitCapacity(drafts: Draft[], target: number, random: Random): void {
  let total = drafts.reduce((sum, d) => sum + d.classes.reduce((s, c) => s + c.capacity, 0), 0)
  // Each step moves one place or skips a class at its bound; far fewer than this are needed.
  for (let steps = 0; total !== target; steps++) {
    if (steps > 1_000_000) throw new Error(`cannot reach ${target} places from ${total}`)
    const draft = random.pick(drafts)
    const group = random.pick(draft.classes)
    const limit = group.classCount * CLASS_RULES[group.type].maxChildren
    if (total < target) {
      if (group.capacity < limit) group.capacity++
      else if (draft.kind !== 'family') {
        group.classCount++
        group.capacity++
      } else continue
      total++
    } else {
      const floor = draft.kind === 'family' ? 1 : Math.ceil(group.classCount * CLASS_RULES[group.type].maxChildren * 0.5)
      if (group.capacity <= floor) continue
      group.capacity--
      total--
    }
  }
}

/** The published range is a fact about the district: its cheapest and dearest fees sit on it. */
function pinFeeRange(drafts: Draft[], range: { min: number; max: number }): void {
  const fullDay = drafts.filter((d) => d.careModes.includes('full_day'))
  if (fullDay.length < 2) return
  const cheapest = fullDay.reduce((a, b) => (b.fullDayFee < a.fullDayFee ? b : a))
  const dearest = fullDay.reduce((a, b) => (b.fullDayFee > a.fullDayFee ? b : a))
  cheapest.fullDayFee = range.min
  dearest.fullDayFee = range.max
}

function finish(district: SeedDistrict, drafts: Draft[], idDigits: number, random: Random): InstitutionRecord[] {
  const takenNames = new Set<string>()
  const filingSequence = new Map<number, number>()
  return drafts.map((draft, i) => {
    const id = `demo-${district.code}-${String(i + 1).padStart(idDigits, '0')}`
    const filedOn = dateBetween('2020-03-01', '2026-06-30', random)
    const year = Number(filedOn.slice(0, 4))
    const sequence = (filingSequence.get(year) ?? 0) + 1
    filingSequence.set(year, sequence)
    const classes = draft.classes.map((c) => ({ ...c, enrolled: enrolledIn(c.capacity, random) }))
    const capacity = classes.reduce((sum, c) => sum + c.capacity, 0)
    const enrolled = classes.reduce((sum, c) => sum + c.enrolled, 0)
    const { inspections, rectifications } = records(id, district, i, filedOn, random)
    const rated = random.chance(0.85)
    const ratingCount = rated ? random.int(3, 80) : 0
    const ratingAverage = random.between(3.3, 4.9)
    return {
      id,
      name: uniqueName(district, draft, takenNames, random),
      kind: draft.kind,
      districtCode: district.code,
      street: draft.street.name,
      address: addressOn(district, draft.street, random),
      location: scatter(district, draft.street, random),
      affordable: draft.affordable,
      demonstrationLevel: demonstrationLevel(draft.kind, random),
      filing: {
        number: `${district.shortName}卫健托备〔${year}〕${String(sequence).padStart(idDigits - 1, '0')}号`,
        filedOn,
        authority: district.filingAuthority,
        status: 'filed',
      },
      ageRange: {
        minMonths: Math.min(...classes.map((c) => CLASS_RULES[c.type].minMonths)),
        maxMonths: Math.max(...classes.map((c) => CLASS_RULES[c.type].maxMonths)),
      },
      careModes: draft.careModes.map((mode) => feeFor(mode, draft.fullDayFee, random)),
      capacity,
      enrolled,
      hours: hoursOf(draft, random),
      // Area code, then 0000: no real local number starts with 0, so nobody can be rung by mistake.
      contactPhone: `${district.areaCode}-0000-${String(random.int(0, 9999)).padStart(4, '0')}`,
      description: describe(draft, capacity),
      photos: [],
      classes,
      inspections,
      rectifications,
      ratingSum: Math.min(5 * ratingCount, Math.max(ratingCount, Math.round(ratingAverage * ratingCount))),
      ratingCount,
      isDemo: true,
    } satisfies InstitutionRecord
  })
}

/** Mostly 75–97% full, some full to the last place (the real waiting-list problem), a few new and half empty. */
function enrolledIn(capacity: number, random: Random): number {
  if (random.chance(0.15)) return capacity
  const share = random.chance(0.1) ? random.between(0.3, 0.6) : random.between(0.75, 0.97)
  return Math.min(capacity, Math.floor(capacity * share))
}

function feeFor(mode: CareMode, fullDayFee: number, random: Random): CareModeFee {
  const unit = UNIT_OF_CARE_MODE[mode]
  switch (mode) {
    case 'full_day':
      return { mode, fee: fullDayFee, unit }
    case 'half_day':
      return { mode, fee: roundTo(fullDayFee * random.between(0.55, 0.65), 5_000), unit }
    case 'hourly':
      return { mode, fee: roundTo(random.between(3_000, 8_000), 500), unit }
    case 'temporary':
      return { mode, fee: roundTo(random.between(12_000, 30_000), 1_000), unit }
  }
}

function hoursOf(draft: Draft, random: Random): InstitutionRecord['hours'] {
  if (draft.kind === 'kindergarten_class') return { days: '周一至周五', opensAt: '07:50', closesAt: '17:30' }
  if (!draft.careModes.includes('full_day')) return { days: '周一至周日', opensAt: '09:00', closesAt: '20:00' }
  return random.chance(0.3)
    ? { days: '周一至周六', opensAt: '08:00', closesAt: '18:00' }
    : { days: '周一至周五', opensAt: '07:30', closesAt: '18:30' }
}

function demonstrationLevel(kind: InstitutionKind, random: Random): DemonstrationLevel | null {
  const odds = kind === 'childcare_center' ? 0.2 : 0.04
  if (!random.chance(odds)) return null
  const roll = random.next()
  return roll < 0.5 ? 'district' : roll < 0.85 ? 'municipal' : roll < 0.97 ? 'provincial' : 'national'
}

function uniqueName(district: SeedDistrict, draft: Draft, taken: Set<string>, random: Random): string {
  const brand =
    draft.kind === 'kindergarten_class'
      ? random.pick(KINDERGARTEN_BRANDS)
      : draft.kind === 'employer'
        ? random.pick(EMPLOYER_BRANDS)
        : random.pick(CHILDCARE_BRANDS)
  const place = `${district.name}${draft.street.area ?? ''}${draft.street.name}`
  const base = `${DEMO_NAME_PREFIX}${place}${brand}${random.pick(NAME_SUFFIXES[draft.kind])}`
  let name = base
  for (let branch = 2; taken.has(name); branch++) name = `${base}（${branch}部）`
  taken.add(name)
  return name
}

function addressOn(district: SeedDistrict, street: SeedStreet, random: Random): string {
  const road = street.name.endsWith('镇') ? `${street.name}${random.pick(TOWN_ROADS)}` : random.pick(district.roads)
  const prefix = `${district.addressPrefix}${street.area ?? ''}${street.name.endsWith('镇') ? '' : street.name}`
  return `${prefix}${road}${random.int(1, 399)}号`
}

/** Within about 1.2 km of the street's centre (0.8 km in a town), and never outside the district. */
function scatter(district: SeedDistrict, street: SeedStreet, random: Random): { lat: number; lng: number } {
  const radiusKm = (street.name.endsWith('镇') ? 0.8 : 1.2) * Math.sqrt(random.next())
  const angle = random.between(0, 2 * Math.PI)
  const lat = street.lat + (radiusKm / 111.2) * Math.sin(angle)
  const lng = street.lng + (radiusKm / (111.2 * Math.cos((street.lat * Math.PI) / 180))) * Math.cos(angle)
  const { minLat, maxLat, minLng, maxLng } = district.bounds
  return { lat: round6(clamp(lat, minLat, maxLat)), lng: round6(clamp(lng, minLng, maxLng)) }
}

function describe(draft: Draft, capacity: number): string {
  const classes = draft.classes.map((c) => `${CLASS_RULES[c.type].label}${c.classCount}个`).join('、')
  return `本条为系统生成的演示数据，并非真实机构。${INSTITUTION_KIND_LABELS[draft.kind]}，设${classes}，共${capacity}个托位。`
}

/** Urban streets (街道) hold most of the population, so they get three times a town's (镇) share. */
function pickStreet(district: SeedDistrict, random: Random): SeedStreet {
  const weight = (street: SeedStreet) => (street.name.endsWith('镇') ? 1 : 3)
  let roll = random.next() * district.streets.reduce((sum, street) => sum + weight(street), 0)
  for (const street of district.streets) {
    roll -= weight(street)
    if (roll < 0) return street
  }
  return district.streets[district.streets.length - 1]
}

function weightedKind(random: Random): InstitutionKind {
  let roll = random.next()
  for (const [kind, weight] of SYNTHETIC_KIND_WEIGHTS) {
    if (roll < weight) return kind
    roll -= weight
  }
  return 'kindergarten_class'
}

function kindCount(calibration: DistrictCalibration): number {
  return Object.values(calibration.kinds).reduce((sum, n) => sum + (n ?? 0), 0)
}
