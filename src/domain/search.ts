import { z } from 'zod'
import { CARE_MODE_LABELS, CARE_MODE_MESSAGE, CARE_MODES, CareMode, CareModeFee, FEE_UNIT_LABELS, UNIT_OF_CARE_MODE } from './careMode'
import { INSTITUTION_KIND_MESSAGE, INSTITUTION_KINDS, InstitutionSummary } from './institution'
import { MAX_PAGE_LIMIT } from './page'
import { booleanParam, choiceParam, decimalParam, integerParam, textParam } from './queryParams'

/*
 * The search filters of GET /api/v1/institutions, as they arrive on the wire (strings),
 * and the rules app and server share: the fee basis, the rating order, which filters to
 * relax after an empty result. Whether an institution matches, and the order of a sort,
 * are the server's (server/features/find/searchRules.ts).
 */

export const DEFAULT_RADIUS_KM = 5
export const MAX_RADIUS_KM = 50
export const DEFAULT_PAGE_LIMIT = 20
export const MAX_QUERY_TEXT = 50

export const SORTS = ['distance', 'fee', 'rating'] as const
export type SearchSort = (typeof SORTS)[number]

/** `careMode` may repeat (?careMode=a&careMode=b) or be comma-separated; a wrong one is refused at its place (careMode.0). */
const careModesParam = z.union([z.string(), z.array(z.string())], { error: '托育方式格式不正确' }).transform((value, ctx): CareMode[] => {
  const modes = (Array.isArray(value) ? value : [value]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean)
  let refused = false
  modes.forEach((mode, at) => {
    if (!(CARE_MODES as readonly string[]).includes(mode)) {
      ctx.addIssue({ code: 'custom', message: CARE_MODE_MESSAGE, path: [at], input: mode })
      refused = true
    }
  })
  if (modes.length > 4) {
    ctx.addIssue({ code: 'custom', message: '托育方式最多选 4 种', input: value })
    refused = true
  }
  return refused ? z.NEVER : (modes as CareMode[])
})

export const InstitutionSearchQuerySchema = z
  .object({
    lat: decimalParam('纬度', -90, 90).optional(),
    lng: decimalParam('经度', -180, 180).optional(),
    radiusKm: decimalParam('搜索半径（公里）', 0.1, MAX_RADIUS_KM).optional(),
    district: textParam('区县', 20, '区县名称太长', { trim: true, emptyMessage: '区县不能为空' }).optional(),
    careMode: careModesParam.optional(),
    maxFee: integerParam('最高费用（分）', 0, 100_000_000).optional(),
    affordable: booleanParam('普惠').optional(),
    ageMonths: integerParam('月龄', 0, 72).optional(),
    hasVacancy: booleanParam('有空位').optional(),
    bookable: booleanParam('可预约').optional(),
    kind: choiceParam('机构类型', INSTITUTION_KINDS, INSTITUTION_KIND_MESSAGE).optional(),
    q: textParam('搜索词', MAX_QUERY_TEXT, `搜索词不能超过 ${MAX_QUERY_TEXT} 个字`, { trim: true }).optional(),
    sort: choiceParam('排序方式', SORTS, '排序方式只能是距离、费用或评分').optional(),
    cursor: textParam('翻页标记', 200, '翻页标记不正确', { trim: false }).optional(),
    limit: integerParam('每页条数', 1, MAX_PAGE_LIMIT).optional(),
  })
  // The cross-field rules and the search's shape in one step, for the same reason as param().
  .transform((query, ctx): InstitutionSearch => {
    const needsOrigin = query.lat === undefined || query.lng === undefined ? crossFieldIssues(query) : undefined
    if (needsOrigin && needsOrigin.length > 0) {
      for (const issue of needsOrigin) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message, input: query })
      return z.NEVER
    }
    const origin = query.lat !== undefined && query.lng !== undefined ? { lat: query.lat, lng: query.lng } : undefined
    return {
      origin,
      radiusKm: origin ? (query.radiusKm ?? DEFAULT_RADIUS_KM) : undefined,
      district: query.district,
      careModes: query.careMode ?? [],
      maxFee: query.maxFee,
      affordable: query.affordable,
      ageMonths: query.ageMonths,
      hasVacancy: query.hasVacancy,
      bookable: query.bookable,
      kind: query.kind,
      q: query.q ? query.q : undefined,
      sort: query.sort ?? (origin ? 'distance' : 'rating'),
      cursor: query.cursor,
      limit: query.limit ?? DEFAULT_PAGE_LIMIT,
    }
  })

/** What a query without both coordinates asks that needs them. */
function crossFieldIssues(query: { lat?: number; lng?: number; radiusKm?: number; sort?: SearchSort }): Array<{ path: string; message: string }> {
  const issues: Array<{ path: string; message: string }> = []
  if ((query.lat === undefined) !== (query.lng === undefined)) issues.push({ path: query.lat === undefined ? 'lat' : 'lng', message: '经度和纬度需要同时提供' })
  if (query.radiusKm !== undefined && query.lat === undefined) issues.push({ path: 'radiusKm', message: '按半径搜索需要提供位置（经纬度）' })
  if (query.sort === 'distance' && query.lat === undefined) issues.push({ path: 'sort', message: '按距离排序需要提供位置（经纬度）' })
  return issues
}

export interface InstitutionSearch {
  origin?: { lat: number; lng: number }
  radiusKm?: number
  district?: string
  careModes: CareMode[]
  maxFee?: number
  affordable?: boolean
  ageMonths?: number
  hasVacancy?: boolean
  /** Only places with an open day, visit or trial with room in the next BOOKABLE_WINDOW_DAYS (the server knows which). */
  bookable?: boolean
  kind?: InstitutionSummary['kind']
  q?: string
  sort: SearchSort
  cursor?: string
  limit: number
}

/** Turn a search back into query-string pairs (the app's client uses this). */
export function toQueryParams(search: Partial<InstitutionSearch>): Array<[string, string]> {
  const params: Array<[string, string]> = []
  if (search.origin) params.push(['lat', String(search.origin.lat)], ['lng', String(search.origin.lng)])
  if (search.origin && search.radiusKm !== undefined) params.push(['radiusKm', String(search.radiusKm)])
  if (search.district) params.push(['district', search.district])
  for (const mode of search.careModes ?? []) params.push(['careMode', mode])
  if (search.maxFee !== undefined) params.push(['maxFee', String(search.maxFee)])
  if (search.affordable !== undefined) params.push(['affordable', String(search.affordable)])
  if (search.ageMonths !== undefined) params.push(['ageMonths', String(search.ageMonths)])
  if (search.hasVacancy !== undefined) params.push(['hasVacancy', String(search.hasVacancy)])
  if (search.bookable !== undefined) params.push(['bookable', String(search.bookable)])
  if (search.kind) params.push(['kind', search.kind])
  if (search.q) params.push(['q', search.q])
  if (search.sort) params.push(['sort', search.sort])
  if (search.cursor) params.push(['cursor', search.cursor])
  if (search.limit !== undefined) params.push(['limit', String(search.limit)])
  return params
}

/**
 * The care modes a search looks at: the chosen ones, or all the institution offers.
 * maxFee and the fee sort read these fees in each mode's own unit.
 */
export function relevantCareModes(careModes: readonly CareModeFee[], chosen: readonly CareMode[]): CareModeFee[] {
  return chosen.length === 0 ? [...careModes] : careModes.filter((m) => chosen.includes(m.mode))
}

/*
 * Prices compared like with like (issue 12): ¥55/小时 is not cheaper than ¥3,000/月.
 * The fee sort and 最多付 read one declared basis: with no care mode chosen (不限),
 * the monthly 全日托 fee; otherwise the chosen modes that share the unit of the first
 * of them (全日托 and 半日托 are both monthly). A place without a fee on the basis sorts
 * last and does not pass 最多付; its other fees are still shown, never mixed in.
 */
export const DEFAULT_FEE_BASIS: CareMode = 'full_day'

/** The care modes whose fees the fee sort and maxFee compare, in one unit. */
export function feeBasisModes(chosen: readonly CareMode[]): CareMode[] {
  const first = CARE_MODES.find((mode) => chosen.includes(mode))
  if (!first) return [DEFAULT_FEE_BASIS]
  return CARE_MODES.filter((mode) => chosen.includes(mode) && UNIT_OF_CARE_MODE[mode] === UNIT_OF_CARE_MODE[first])
}

/** The institution's fees on the basis. */
export function basisCareModes(careModes: readonly CareModeFee[], chosen: readonly CareMode[]): CareModeFee[] {
  const basis = feeBasisModes(chosen)
  return careModes.filter((m) => basis.includes(m.mode))
}

/** What the screen says about the comparison: "按全日托月费比较（元/月）". */
export function describeFeeBasis(chosen: readonly CareMode[]): string {
  const basis = feeBasisModes(chosen)
  return `按${basis.map((mode) => CARE_MODE_LABELS[mode]).join('、')}费用比较（${FEE_UNIT_LABELS[UNIT_OF_CARE_MODE[basis[0]]]}）`
}

/** The fee the fee sort orders by: the lowest fee on the basis. */
export function sortFee(careModes: readonly CareModeFee[], chosen: readonly CareMode[]): number | null {
  const fees = basisCareModes(careModes, chosen).map((m) => m.fee)
  return fees.length === 0 ? null : Math.min(...fees)
}

/*
 * 评分最高 that accounts for how many ratings there are (issue 12): a Bayesian average
 * that pulls a rating towards RATING_PRIOR_MEAN as if RATING_PRIOR_COUNT more parents
 * had given that score, so 3 five-star ratings (3.85) do not outrank 60 at 4.7 (4.53).
 * Places without a rating come last. The SQL search and the index compute the same
 * expression, in the same order, from the rating shown (average × count).
 */
export const RATING_PRIOR_COUNT = 10
export const RATING_PRIOR_MEAN = 3.5

export function ratingRank(rating: { average: number | null; count: number }): number {
  if (rating.average === null || rating.count === 0) return 0
  return (RATING_PRIOR_COUNT * RATING_PRIOR_MEAN + rating.average * rating.count) / (RATING_PRIOR_COUNT + rating.count)
}

export const RATING_ORDER_EXPLAINED = `评分最高：按家长评分排序，评价人数少的向 ${RATING_PRIOR_MEAN} 分靠拢（相当于多算 ${RATING_PRIOR_COUNT} 位给 ${RATING_PRIOR_MEAN} 分的家长），暂无评价的排在最后`

/** Search text: lower-cased, full-width letters and spaces folded, so "LXJD" finds "lxjd". */
export function normaliseSearchText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, '')
}

/**
 * Which filters to relax when nothing matched, most restrictive first, so the empty
 * state can say "试试放宽：有空位、普惠" instead of just "没有结果".
 */
export function filtersToRelax(search: InstitutionSearch): string[] {
  const hints: string[] = []
  if (search.hasVacancy) hints.push('只看有空位')
  if (search.bookable) hints.push('只看可预约')
  if (search.maxFee !== undefined) hints.push('最高费用')
  if (search.affordable) hints.push('只看普惠')
  if (search.ageMonths !== undefined) hints.push('孩子月龄')
  if (search.careModes.length > 0) hints.push('托育方式')
  if (search.kind) hints.push('机构类型')
  if (search.q) hints.push('搜索词')
  if (search.origin && (search.radiusKm ?? DEFAULT_RADIUS_KM) < MAX_RADIUS_KM) hints.push('搜索范围')
  return hints
}
