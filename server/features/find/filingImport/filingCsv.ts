import crypto from 'node:crypto'
import Papa from 'papaparse'
import iconv from 'iconv-lite'
import { CareModeFee, UNIT_OF_CARE_MODE } from '@domain/careMode'
import { DistrictRecord } from '@domain/district'
import { distanceKm } from '@domain/geo'
import { CLASS_RULES, ClassType } from '@domain/institution'
import { InstitutionRecord, InstitutionRecordSchema } from '@domain/institutionRecord'
import { FILING_COLUMNS, FilingColumn, OPTIONAL_COLUMNS } from './filingColumns'
import { CellChecker, Row } from './filingRow'
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
  /** The line of each accepted row, by filing number, so a later step can name it too. */
  lineOfFilingNumber: ReadonlyMap<string, number>
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
  const rows = readRecords(text)
  if (rows.length === 0) throw new FilingCsvError('文件是空的，没有表头')
  const header = rows[0].cells
  const columnIndex = indexColumns(header)

  const accepted: InstitutionRecord[] = []
  const rejected: RejectedRow[] = []
  const feeTerms: FilingCsvResult['feeTerms'] = []
  const lineOfFilingNumber = new Map<string, number>()
  const cellChecker = new CellChecker()
  for (const { cells, line } of rows.slice(1)) {
    if (cells.length !== header.length) {
      rejected.push({ line, reason: `这一行有 ${cells.length} 列，表头有 ${header.length} 列` })
      continue
    }
    const cell = (column: FilingColumn) => {
      const index = columnIndex.get(column)
      return index === undefined ? '' : cells[index]
    }
    const outcome = toRecord(cell, cellChecker, options)
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
  return { encoding, accepted, rejected, feeTerms, lineOfFilingNumber }
}

/**
 * The file's records with the line each ends on (the header is line 1), cells trimmed,
 * empty lines skipped. Papa Parse reads a 10,000-row list several times faster than
 * csv-parse did (bench/filingImport.ts); it does not count lines, so they are counted
 * here: one per record plus the line breaks inside its quoted cells.
 */
function readRecords(text: string): Array<{ cells: string[]; line: number }> {
  const parsed = Papa.parse<string[]>(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, { delimiter: ',', skipEmptyLines: false })
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes')
  const records: Array<{ cells: string[]; line: number }> = []
  let line = 0
  for (const raw of parsed.data) {
    line++
    if (raw.length === 1 && raw[0].trim() === '') continue
    const cells = raw.map((cell) => {
      for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) line++
      return cell.trim()
    })
    records.push({ cells, line })
  }
  if (quoteError) {
    const at = records[quoteError.row ?? 0]?.line
    throw new FilingCsvError(`CSV 格式有误${at ? `（第 ${at} 行附近）` : ''}：引号没有成对，请检查单元格里的英文双引号`)
  }
  return records
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

function toRecord(cell: (column: FilingColumn) => string, cells: CellChecker, options: FilingCsvOptions): { record: InstitutionRecord } | { reason: string } {
  const parsed = cells.row(cell)
  if ('reason' in parsed) return parsed
  const row = parsed.row

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

const C = FILING_COLUMNS

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
