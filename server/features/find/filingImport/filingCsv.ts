import crypto from 'node:crypto'
import { parse } from 'csv-parse/sync'
import iconv from 'iconv-lite'
import { z } from 'zod'
import { CareModeFee, UNIT_OF_CARE_MODE } from '@domain/careMode'
import { DistrictRecord } from '@domain/district'
import { distanceKm } from '@domain/geo'
import {
  CLASS_RULES,
  ClassType,
  DEMONSTRATION_LEVELS,
  DemonstrationLevel,
  FILING_STATUSES,
  FilingStatus,
  INSTITUTION_KINDS,
  InstitutionKind,
} from '@domain/institution'
import { InstitutionRecord, InstitutionRecordSchema } from '@domain/institutionRecord'
import { isValidIsoDate } from '@domain/shanghaiTime'
import { FILING_COLUMNS, FilingColumn, OPTIONAL_COLUMNS } from './filingColumns'
import { feeTermsOfRow } from './filingFeeTerms'
import type { FeeTermsBody } from '@domain/feeTerms'

/*
 * An official filing list (备案名单) as CSV bytes → validated institution records.
 * Pure: no database, no clock (today comes in), so every rule is testable. Each bad
 * row is reported with its line number and a reason in Chinese; good rows go on.
 */

export interface RejectedRow {
  /** 1-based line in the file; the header is line 1. */
  line: number
  reason: string
}

export interface FilingCsvResult {
  encoding: 'utf-8' | 'gbk'
  accepted: InstitutionRecord[]
  rejected: RejectedRow[]
  /** Fee and refund terms of accepted rows that carry them (filingFeeTerms.ts). */
  feeTerms: Array<{ institutionId: string; terms: FeeTermsBody }>
}

export interface FilingCsvOptions {
  /** Districts rows may name, by 行政区划代码 or by name. */
  districts: readonly DistrictRecord[]
  /** Filing dates after this day ("YYYY-MM-DD", Asia/Shanghai) are refused. */
  today: string
}

/** A problem with the whole file (no header, missing columns), not with one row. */
export class FilingCsvError extends Error {}

/** Mainland China, generously: a point outside it is a typo or swapped lat/lng. */
const CHINA = { minLat: 18, maxLat: 54, minLng: 73, maxLng: 136 }
/** A filed address this far from its district's centre is in the wrong district. */
const MAX_KM_FROM_DISTRICT_CENTRE = 150

export function parseFilingCsv(bytes: Uint8Array, options: FilingCsvOptions): FilingCsvResult {
  const { text, encoding } = decode(bytes)
  let rows: Array<{ record: string[]; info: { lines: number } }>
  try {
    // info: true gives each record with the line it ends on, for the report.
    rows = parse(text, { info: true, relax_column_count: true, skip_empty_lines: true, trim: true, bom: true }) as unknown as typeof rows
  } catch (error) {
    throw new FilingCsvError(`CSV 格式有误：${(error as Error).message}`)
  }
  if (rows.length === 0) throw new FilingCsvError('文件是空的，没有表头')
  const header = rows[0].record
  const columnIndex = indexColumns(header)

  const accepted: InstitutionRecord[] = []
  const rejected: RejectedRow[] = []
  const feeTerms: FilingCsvResult['feeTerms'] = []
  const lineOfFilingNumber = new Map<string, number>()
  for (const { record: cells, info } of rows.slice(1)) {
    const line = info.lines
    if (cells.length !== header.length) {
      rejected.push({ line, reason: `这一行有 ${cells.length} 列，表头有 ${header.length} 列` })
      continue
    }
    const cell = (column: FilingColumn) => {
      const index = columnIndex.get(column)
      return index === undefined ? '' : cells[index]
    }
    const outcome = toRecord(cell, options)
    if ('reason' in outcome) {
      rejected.push({ line, reason: outcome.reason })
      continue
    }
    const terms = feeTermsOfRow(cell)
    if ('reason' in terms) {
      rejected.push({ line, reason: terms.reason })
      continue
    }
    const earlier = lineOfFilingNumber.get(outcome.record.filing.number)
    if (earlier !== undefined) {
      rejected.push({ line, reason: `备案号 ${outcome.record.filing.number} 与第 ${earlier} 行重复` })
      continue
    }
    lineOfFilingNumber.set(outcome.record.filing.number, line)
    accepted.push(outcome.record)
    if (terms.terms) feeTerms.push({ institutionId: outcome.record.id, terms: terms.terms })
  }
  return { encoding, accepted, rejected, feeTerms }
}

/**
 * UTF-8 (with or without BOM) if the bytes are valid UTF-8; otherwise GBK, which is
 * what Excel in China writes when saving "CSV (逗号分隔)". A GBK file is almost never
 * valid UTF-8, so trying UTF-8 strictly first tells them apart.
 */
function decode(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gbk' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
  } catch {
    // gb18030 is a superset of GBK: it also reads the rare characters in some names.
    return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: 'gbk' }
  }
}

/** Excel and people write headers with half- or full-width brackets and stray spaces. */
function headerKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '')
}

function indexColumns(header: string[]): Map<FilingColumn, number> {
  const positions = new Map(header.map((title, i) => [headerKey(title), i]))
  const index = new Map<FilingColumn, number>()
  const missing: string[] = []
  for (const [column, title] of Object.entries(FILING_COLUMNS) as Array<[FilingColumn, string]>) {
    const position = positions.get(headerKey(title))
    if (position !== undefined) index.set(column, position)
    else if (!OPTIONAL_COLUMNS.includes(column)) missing.push(title)
  }
  if (missing.length > 0) throw new FilingCsvError(`表头缺少这些列：${missing.join('、')}（见 docs/filing-list-csv.md）`)
  return index
}

const KIND_WORDS: Record<string, InstitutionKind> = {
  托育机构: 'childcare_center',
  托幼一体: 'kindergarten_class',
  幼儿园托班: 'kindergarten_class',
  用人单位办托: 'employer',
  社区托育点: 'community',
  家庭托育点: 'family',
  ...Object.fromEntries(INSTITUTION_KINDS.map((k) => [k, k])),
}
const STATUS_WORDS: Record<string, FilingStatus> = {
  已备案: 'filed',
  暂停服务: 'suspended',
  已注销: 'revoked',
  ...Object.fromEntries(FILING_STATUSES.map((s) => [s, s])),
}
const LEVEL_WORDS: Record<string, DemonstrationLevel> = {
  全国示范: 'national',
  国家级: 'national',
  省级示范: 'provincial',
  省级: 'provincial',
  市级示范: 'municipal',
  市级: 'municipal',
  区级示范: 'district',
  区级: 'district',
  县级: 'district',
  ...Object.fromEntries(DEMONSTRATION_LEVELS.map((l) => [l, l])),
}
const YES = new Set(['是', '普惠', 'Y', 'y', 'yes', 'true', '1'])
const NO = new Set(['否', '非普惠', 'N', 'n', 'no', 'false', '0'])

/** 元 with at most two decimals, as written in a fee column, to integer fen. */
const yuanCell = (label: string) =>
  z
    .string()
    .regex(/^\d+(\.\d{1,2})?$/, `${label}应填写金额（元），最多两位小数，例如 2800 或 45.5`)
    .transform((text) => {
      const [whole, fraction = ''] = text.split('.')
      return Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
    })
    .pipe(z.number().int().max(10_000_000, `${label}超过 10 万元，请检查`))

const wholeCell = (label: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `${label}应填写整数`)
    .transform(Number)
    .pipe(z.number().int().min(min, `${label}不能小于 ${min}`).max(max, `${label}不能大于 ${max}`))

const decimalCell = (label: string) => z.string().regex(/^-?\d+(\.\d+)?$/, `${label}应填写数字（十进制度数）`).transform(Number)

/** 2023-05-10, or 2023/5/10 as Excel writes dates. */
const dateCell = (label: string) =>
  z
    .string()
    .regex(/^\d{4}[-/]\d{1,2}[-/]\d{1,2}$/, `${label}应写成 2023-05-10 的格式`)
    .transform((text) => {
      const [y, m, d] = text.split(/[-/]/)
      return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`
    })
    .refine(isValidIsoDate, `${label}不是有效日期`)

const timeCell = (label: string) =>
  z
    .string()
    .regex(/^\d{1,2}:\d{2}$/, `${label}应写成 07:30 的格式`)
    .transform((text) => text.padStart(5, '0'))
    .refine((t) => Number(t.slice(0, 2)) < 24 && Number(t.slice(3)) < 60, `${label}不是有效时间`)

const wordCell = <T extends string>(label: string, words: Record<string, T>) =>
  z.string().transform((text, ctx) => {
    const value = words[text]
    if (value === undefined) {
      const allowed = Object.keys(words).filter((w) => /[^\x00-\x7f]/.test(w))
      ctx.addIssue({ code: 'custom', message: `${label}只能是：${allowed.join('、')}` })
      return z.NEVER
    }
    return value
  })

const required = (label: string) => z.string().min(1, `${label}不能为空`)
/** An empty cell is null; anything else must pass the column's schema (its own messages kept). */
const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.string().transform((text, ctx): z.output<T> | null => {
    if (text === '') return null
    const parsed = schema.safeParse(text)
    if (parsed.success) return parsed.data
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message })
    return z.NEVER
  })

const C = FILING_COLUMNS
const RowSchema = z.object({
  filingNumber: required(C.filingNumber).max(64, `${C.filingNumber}太长`),
  name: required(C.name).max(100, `${C.name}不能超过 100 个字`),
  kind: required(C.kind).pipe(wordCell(C.kind, KIND_WORDS)),
  district: required(C.district),
  street: required(C.street).max(50, `${C.street}太长`),
  address: required(C.address).max(200, `${C.address}不能超过 200 个字`),
  lat: required(C.lat).pipe(decimalCell(C.lat)),
  lng: required(C.lng).pipe(decimalCell(C.lng)),
  filedOn: required(C.filedOn).pipe(dateCell(C.filedOn)),
  authority: required(C.authority),
  status: required(C.status).pipe(wordCell(C.status, STATUS_WORDS)),
  affordable: required(C.affordable).transform((text, ctx) => {
    if (YES.has(text)) return true
    if (NO.has(text)) return false
    ctx.addIssue({ code: 'custom', message: `${C.affordable}只能填“是”或“否”` })
    return z.NEVER
  }),
  demonstrationLevel: optional(wordCell(C.demonstrationLevel, LEVEL_WORDS)),
  minAgeMonths: required(C.minAgeMonths).pipe(wholeCell(C.minAgeMonths, 0, 36)),
  maxAgeMonths: required(C.maxAgeMonths).pipe(wholeCell(C.maxAgeMonths, 0, 36)),
  infantPlaces: optional(wholeCell(C.infantPlaces, 0, 10_000)),
  toddlerPlaces: optional(wholeCell(C.toddlerPlaces, 0, 10_000)),
  preschoolPlaces: optional(wholeCell(C.preschoolPlaces, 0, 10_000)),
  enrolled: required(C.enrolled).pipe(wholeCell(C.enrolled, 0, 100_000)),
  fullDayFee: optional(yuanCell(C.fullDayFee)),
  halfDayFee: optional(yuanCell(C.halfDayFee)),
  hourlyFee: optional(yuanCell(C.hourlyFee)),
  temporaryFee: optional(yuanCell(C.temporaryFee)),
  days: required(C.days).max(30, `${C.days}太长`),
  opensAt: required(C.opensAt).pipe(timeCell(C.opensAt)),
  closesAt: required(C.closesAt).pipe(timeCell(C.closesAt)),
  phone: required(C.phone).regex(/^[\d\-\s()+转]{5,30}$/, `${C.phone}只能包含数字、“-”和空格`),
  description: z.string().max(1000, `${C.description}不能超过 1000 个字`),
})
type Row = z.infer<typeof RowSchema>

function toRecord(cell: (column: FilingColumn) => string, options: FilingCsvOptions): { record: InstitutionRecord } | { reason: string } {
  const raw = Object.fromEntries((Object.keys(FILING_COLUMNS) as FilingColumn[]).map((c) => [c, cell(c)]))
  const parsed = RowSchema.safeParse(raw)
  if (!parsed.success) return { reason: parsed.error.issues.map((issue) => issue.message).join('；') }
  const row = parsed.data

  const problems = rowRules(row, options)
  if (problems.length > 0) return { reason: problems.join('；') }
  const district = findDistrict(row.district, options.districts)!

  const record: InstitutionRecord = {
    id: idForFilingNumber(row.filingNumber),
    name: row.name,
    kind: row.kind,
    districtCode: district.code,
    street: row.street,
    address: row.address,
    location: { lat: row.lat, lng: row.lng },
    affordable: row.affordable,
    demonstrationLevel: row.demonstrationLevel,
    filing: { number: row.filingNumber, filedOn: row.filedOn, authority: row.authority, status: row.status },
    ageRange: { minMonths: row.minAgeMonths, maxMonths: row.maxAgeMonths },
    careModes: careModesOf(row),
    capacity: placesOf(row).reduce((sum, p) => sum + p.places, 0),
    enrolled: row.enrolled,
    hours: { days: row.days, opensAt: row.opensAt, closesAt: row.closesAt },
    contactPhone: row.phone,
    description: row.description,
    photos: [],
    classes: classesOf(row),
    inspections: [],
    rectifications: [],
    ratingSum: 0,
    ratingCount: 0,
    isDemo: false,
  }
  // The shared schema is the last word: what passes here is what the app can show.
  const checked = InstitutionRecordSchema.safeParse(record)
  if (!checked.success) return { reason: checked.error.issues.map((i) => `${i.path.join('.')}：${i.message}`).join('；') }
  return { record: checked.data }
}

/** Rules across cells, each a sentence the person fixing the spreadsheet can act on. */
function rowRules(row: Row, options: FilingCsvOptions): string[] {
  const problems: string[] = []
  const district = findDistrict(row.district, options.districts)
  if (!district) problems.push(`未知的区县“${row.district}”，可填写：${options.districts.map((d) => `${d.name}（${d.code}）`).join('、')}`)
  if (row.lat < CHINA.minLat || row.lat > CHINA.maxLat || row.lng < CHINA.minLng || row.lng > CHINA.maxLng) {
    problems.push(`坐标（纬度 ${row.lat}，经度 ${row.lng}）不在中国境内，请检查是否填反了经纬度`)
  } else if (district && distanceKm(district.center, { lat: row.lat, lng: row.lng }) > MAX_KM_FROM_DISTRICT_CENTRE) {
    problems.push(`坐标离${district.name}超过 ${MAX_KM_FROM_DISTRICT_CENTRE} 公里，请检查坐标或区县`)
  }
  if (row.filedOn > options.today) problems.push(`${C.filedOn} ${row.filedOn} 晚于今天`)
  if (row.minAgeMonths > row.maxAgeMonths) problems.push(`${C.minAgeMonths}不能大于${C.maxAgeMonths}`)
  const places = placesOf(row)
  const capacity = places.reduce((sum, p) => sum + p.places, 0)
  if (capacity === 0) problems.push('至少要填写一个班型的托位数（乳儿班、托小班或托大班）')
  if (row.enrolled > capacity) problems.push(`${C.enrolled} ${row.enrolled} 超过托位总数 ${capacity}`)
  for (const { type, places: n } of places) {
    const rule = CLASS_RULES[type]
    if (n > 0 && (rule.maxMonths <= row.minAgeMonths || rule.minMonths >= row.maxAgeMonths)) {
      problems.push(`有${rule.label}托位（${rule.minMonths}–${rule.maxMonths} 个月），但招收月龄是 ${row.minAgeMonths}–${row.maxAgeMonths}`)
    }
  }
  if (row.fullDayFee === null && row.halfDayFee === null && row.hourlyFee === null && row.temporaryFee === null) {
    problems.push('至少要填写一种托育方式的收费')
  }
  if (row.opensAt >= row.closesAt) problems.push(`${C.opensAt}应早于${C.closesAt}`)
  return problems
}

function findDistrict(text: string, districts: readonly DistrictRecord[]): DistrictRecord | undefined {
  return districts.find((d) => d.code === text || d.name === text)
}

function placesOf(row: Row): Array<{ type: ClassType; places: number }> {
  return [
    { type: 'infant' as const, places: row.infantPlaces ?? 0 },
    { type: 'toddler' as const, places: row.toddlerPlaces ?? 0 },
    { type: 'preschool' as const, places: row.preschoolPlaces ?? 0 },
  ].filter((p) => p.places > 0)
}

/**
 * Filing lists give places per class type and one enrolment total. Classes are the
 * fewest that legally hold the places (《托育机构设置标准（试行）》 class sizes), and
 * the enrolment is shared out in proportion to places, never above any class's places.
 */
function classesOf(row: Row): InstitutionRecord['classes'] {
  const places = placesOf(row)
  const capacity = places.reduce((sum, p) => sum + p.places, 0)
  const shares = places.map((p) => Math.floor((row.enrolled * p.places) / capacity))
  let left = row.enrolled - shares.reduce((a, b) => a + b, 0)
  for (let i = 0; left > 0 && i < places.length; i++) {
    const room = Math.min(left, places[i].places - shares[i])
    shares[i] += room
    left -= room
  }
  return places.map((p, i) => ({
    type: p.type,
    classCount: Math.ceil(p.places / CLASS_RULES[p.type].maxChildren),
    capacity: p.places,
    enrolled: shares[i],
  }))
}

function careModesOf(row: Row): CareModeFee[] {
  const fees: CareModeFee[] = []
  const add = (mode: CareModeFee['mode'], fee: number | null) => {
    if (fee !== null) fees.push({ mode, fee, unit: UNIT_OF_CARE_MODE[mode] })
  }
  add('full_day', row.fullDayFee)
  add('half_day', row.halfDayFee)
  add('hourly', row.hourlyFee)
  add('temporary', row.temporaryFee)
  return fees
}

/**
 * The same filing number always gets the same id, so links to an institution survive
 * re-imports and a new database loaded from the same list.
 */
export function idForFilingNumber(filingNumber: string): string {
  return `f-${crypto.createHash('sha256').update(filingNumber, 'utf8').digest('hex').slice(0, 20)}`
}
