import { z } from 'zod'
import { DEMONSTRATION_LEVELS, DemonstrationLevel, FILING_STATUSES, FilingStatus, INSTITUTION_KINDS, InstitutionKind } from '@domain/institution'
import { isValidIsoDate } from '@domain/shanghaiTime'
import { FILING_COLUMNS, FilingColumn } from './filingColumns'

/*
 * One row of a filing list (备案名单) as cells → typed values: the schema of each
 * column, with the messages a person fixing the spreadsheet reads, and the checker that
 * applies them (filingCsv.ts adds the rules across cells and builds the record).
 */

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
export const RowSchema = z.object({
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
export type Row = z.infer<typeof RowSchema>
type RowColumn = keyof Row
const ROW_COLUMNS = Object.keys(RowSchema.shape) as RowColumn[]

type CellOutcome = { ok: true; value: unknown } | { ok: false; messages: string[] }

/**
 * Checks a row's cells against RowSchema's column schemas, each distinct value of a
 * column once per file: a list repeats most cells down its rows (区县, 备案机关, 备案状态,
 * 服务时间, 收费…), and checking them is most of the cost of a 10,000-row list. The
 * schemas are pure, so an answer kept is the answer the schema would give again.
 */
export class CellChecker {
  private readonly outcomes = new Map<RowColumn, Map<string, CellOutcome>>(ROW_COLUMNS.map((column) => [column, new Map()]))

  row(cell: (column: FilingColumn) => string): { row: Row } | { reason: string } {
    const row: Record<string, unknown> = {}
    const messages: string[] = []
    for (const column of ROW_COLUMNS) {
      const outcome = this.check(column, cell(column))
      if (outcome.ok) row[column] = outcome.value
      else messages.push(...outcome.messages)
    }
    return messages.length > 0 ? { reason: messages.join('；') } : { row: row as Row }
  }

  private check(column: RowColumn, text: string): CellOutcome {
    const known = this.outcomes.get(column)!
    let outcome = known.get(text)
    if (outcome === undefined) {
      const parsed = RowSchema.shape[column].safeParse(text)
      outcome = parsed.success ? { ok: true, value: parsed.data } : { ok: false, messages: parsed.error.issues.map((issue) => issue.message) }
      known.set(text, outcome)
    }
    return outcome
  }
}

