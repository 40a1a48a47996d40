import { z } from 'zod'
import { isValidIsoDate } from './shanghaiTime'
import { safeText } from './safeText'

/*
 * 托育政策查询: the policy library's shapes, shared by the build check (npm run policy:check),
 * the server and the app. Policies live in content/policies/ as Markdown with front matter
 * (content/policies/README.md); these schemas are the one definition of that format.
 *
 * Glossary: 育儿补贴 childcare subsidy (cash per child under 3); 个税专项附加扣除 income-tax
 * deduction; 普惠托育 affordable, price-guided care; 产假/生育假 maternity leave; 育儿假
 * parental leave; 用人单位办托 employer-run care; 体验券 trial voucher.
 */

const IsoDateSchema = z.string({ error: '需要日期（YYYY-MM-DD）' }).refine(isValidIsoDate, { message: '日期格式应为 YYYY-MM-DD' })

/** national 全国, province 省级 (重庆市 is a province-level city), district 区县/市. */
export const POLICY_SCOPES = ['national', 'province', 'district'] as const
export const PolicyScopeSchema = z.enum(POLICY_SCOPES, { error: '适用范围只能是 national、province 或 district' })
export type PolicyScope = z.infer<typeof PolicyScopeSchema>

/**
 * What a policy does for a family; the rule for "我能享受哪些" computes amounts for the
 * kinds it knows (childcare_subsidy, tax_deduction) and lists the others as they are.
 */
export const POLICY_KINDS = [
  'childcare_subsidy',
  'tax_deduction',
  'affordable_care',
  'leave',
  'employer_care',
  'trial_voucher',
  'local_measure',
] as const
export const PolicyKindSchema = z.enum(POLICY_KINDS)
export type PolicyKind = z.infer<typeof PolicyKindSchema>

export const POLICY_KIND_LABELS: Record<PolicyKind, string> = {
  childcare_subsidy: '育儿补贴',
  tax_deduction: '个税扣除',
  affordable_care: '普惠托育',
  leave: '假期',
  employer_care: '用人单位办托',
  trial_voucher: '托育体验券',
  local_measure: '本地措施',
}

/** A specific document a figure or a policy rests on. */
export const PolicySourceSchema = z.object({
  org: safeText().trim().min(1, '来源需写明发布机构 org'),
  title: safeText().trim().min(1, '来源需写明文件或报道标题 title'),
  date: IsoDateSchema.optional(),
  url: z.string().url('来源网址格式不对').optional(),
}, { error: '需要来源（写明 org 和 title）' })
export type PolicySource = z.infer<typeof PolicySourceSchema>

/**
 * One number a parent may act on (3,600 元/年, 2,000 元/月, 10 个工作日). Every figure names
 * its own source and the date it took effect: the check refuses a figure without either.
 */
export const PolicyFigureSchema = z.object({
  label: safeText().trim().min(1, '数字需要说明 label'),
  /** In the unit below; money in fen (分), like every amount in this project. */
  amount: z.number().nonnegative(),
  unit: z.enum(['fen_per_year', 'fen_per_month', 'days', 'working_days_per_year', 'months']),
  effectiveFrom: z.string({ error: '每个数字都需要生效日期 effectiveFrom（YYYY-MM-DD）' }).refine(isValidIsoDate, { message: '生效日期格式应为 YYYY-MM-DD' }),
  source: PolicySourceSchema,
})
export type PolicyFigure = z.infer<typeof PolicyFigureSchema>

/** current 现行; expired 已失效 (kept so a parent sees what replaced it). */
export const PolicyStatusSchema = z.enum(['current', 'expired'])

export const PolicyFrontMatterSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id 只能用小写字母、数字和连字符'),
  title: safeText().trim().min(1).max(40, '标题不超过 40 字'),
  scope: PolicyScopeSchema,
  /** 行政区划代码 of the region (500000 重庆市, 510000 四川省, 500112 渝北区); absent for national. */
  regionCode: z.string().regex(/^\d{6}$/, '行政区划代码是 6 位数字').optional(),
  regionName: safeText().trim().min(1),
  kind: PolicyKindSchema,
  issuer: safeText().trim().min(1, '需写明发布机关 issuer'),
  /** 文号; null only when we could not verify it (the entry then says so in verification). */
  documentNo: safeText().trim().min(1).nullable(),
  /** Date in force; null only when we could not verify it (the entry then says so in verification). */
  inForce: IsoDateSchema.nullable(),
  expires: IsoDateSchema.optional(),
  status: PolicyStatusSchema,
  qualifies: safeText().trim().min(1, '需写明谁可以享受 qualifies'),
  gives: safeText().trim().min(1, '需写明给什么 gives'),
  howToApply: safeText().trim().min(1, '需写明怎么申请 howToApply'),
  figures: z.array(PolicyFigureSchema).default([]),
  sources: z.array(PolicySourceSchema, { error: '每条政策至少列出一个来源 sources' }).min(1, '每条政策至少列出一个来源 sources'),
  /** verified: every figure checked against a source; partial/unverified: the note says what is not. */
  verification: z.object({
    state: z.enum(['verified', 'partial', 'unverified']),
    note: safeText().trim().min(1).optional(),
  }),
  reviewed: IsoDateSchema,
})
export type PolicyFrontMatter = z.infer<typeof PolicyFrontMatterSchema>

/** A policy as the API serves it: the front matter and the body as plain paragraphs. */
export const PolicySchema = PolicyFrontMatterSchema.extend({ paragraphs: z.array(z.string()) })
export type Policy = z.infer<typeof PolicySchema>

export const PolicySummarySchema = PolicySchema.pick({
  id: true,
  title: true,
  scope: true,
  regionName: true,
  kind: true,
  issuer: true,
  inForce: true,
  status: true,
  gives: true,
})
export type PolicySummary = z.infer<typeof PolicySummarySchema>

export const PolicyListSchema = z.object({ items: z.array(PolicySummarySchema), nextCursor: z.null() })
