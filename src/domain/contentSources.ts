import { z } from 'zod'
import { readsInChinese, READS_IN_CHINESE_MESSAGE } from './readsInChinese'
import { CalendarDateSchema } from './calendarDate'
import { safeText } from './safeText'

/*
 * The register of sources (content/sources.md): every document the 生命1000天 library
 * cites, once, under its canonical issuing body (with the names it has been cited under:
 * 原卫生部 became 原国家卫生计生委 in 2013 and 国家卫生健康委 in 2018), with its date and
 * whether it is still in force. Articles and tips cite documents by name; the build check
 * resolves each citation here, so one document counts once however it is written.
 *
 * Also here: the review trail an article carries (who checked it against which document,
 * when, and when it is due again) and the flags writers leave on a fact still to check.
 */

export const DOCUMENT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** current 现行; amended 部分条款已被后来的文件调整; superseded 已被取代. */
export const DOCUMENT_STATUSES = ['current', 'amended', 'superseded'] as const
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number]

/** "2022", "2022-10" or "2022-10-01": as precisely as the date could be checked. */
const PartialDateSchema = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : typeof value === 'number' ? String(value) : value),
  z.string({ error: '日期应写成 YYYY、YYYY-MM 或 YYYY-MM-DD' }).regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, '日期应写成 YYYY、YYYY-MM 或 YYYY-MM-DD'),
)

export const RegisteredDocumentSchema = z
  .object({
    id: z.string({ error: '文件缺少 id' }).regex(DOCUMENT_ID, '文件 id 只能用小写字母、数字和连字符'),
    /** The name parents read: Chinese (a foreign document's original title goes in titleAliases). */
    title: safeText({ error: '文件缺少名称 title' }).trim().min(1, '文件缺少名称 title').refine(readsInChinese, READS_IN_CHINESE_MESSAGE),
    /** Other ways the title is written in citations (without 《》), the original title of a foreign document among them. */
    titleAliases: z.array(safeText().trim().min(1)).optional(),
    /** The issuing body under its current name. */
    issuer: safeText({ error: '文件缺少发布机构 issuer' }).trim().min(1, '文件缺少发布机构 issuer'),
    /** Former names and other spellings of the issuer that citations may use. */
    issuerNames: z.array(safeText().trim().min(1)).optional(),
    /** Document number (文号) or standard number, when checked. */
    number: safeText().trim().min(1).optional(),
    issued: PartialDateSchema,
    /** For a standard or a rule with a start date: the day it took effect. */
    effective: CalendarDateSchema.optional(),
    status: z.enum(DOCUMENT_STATUSES, { error: '文件状态 status 只能是 current、amended 或 superseded' }),
    /** The register id of the document that amends or supersedes this one. */
    replacedBy: z.string().regex(DOCUMENT_ID).optional(),
    /** What was checked and what could not be (said plainly, for the next reviewer). */
    note: safeText().trim().min(1).optional(),
  })
  .strict()
  .refine((doc) => (doc.status === 'current') === (doc.replacedBy === undefined), {
    path: ['replacedBy'],
    message: '被调整或取代的文件要写 replacedBy（调整或取代它的文件 id）；现行文件不写',
  })
export type RegisteredDocument = z.infer<typeof RegisteredDocumentSchema>

export const SourceRegisterSchema = z
  .object({ documents: z.array(RegisteredDocumentSchema, { error: '缺少 documents 列表' }).min(1, 'documents 列表不能为空') })
  .strict()
  .superRefine((register, ctx) => {
    const ids = new Set<string>()
    register.documents.forEach((doc, index) => {
      if (ids.has(doc.id)) ctx.addIssue({ code: 'custom', path: ['documents', index, 'id'], message: `文件 id ${doc.id} 重复` })
      ids.add(doc.id)
    })
    register.documents.forEach((doc, index) => {
      if (doc.replacedBy && !ids.has(doc.replacedBy)) {
        ctx.addIssue({ code: 'custom', path: ['documents', index, 'replacedBy'], message: `replacedBy 指向登记里没有的文件 ${doc.replacedBy}` })
      }
    })
  })
export type SourceRegister = z.infer<typeof SourceRegisterSchema>

/** How long a check stays good: an article is due for review this many months after its last one. */
export const REVIEW_INTERVAL_MONTHS = 12
/** The check warns this many days before a review falls due, and fails once it is overdue. */
export const REVIEW_WARNING_DAYS = 30

/** One entry of an article's review trail. */
export const ReviewSchema = z
  .object({
    on: CalendarDateSchema,
    by: safeText({ error: '审核记录缺少审核人 by' }).trim().min(1, '审核记录缺少审核人 by'),
    /** Register ids of the documents (each id is one version) the article was checked against. */
    against: z.array(z.string().regex(DOCUMENT_ID, '审核依据应写来源登记里的文件 id'), { error: '审核记录缺少依据 against' }).min(1, '审核记录至少写一个依据文件'),
    note: safeText().trim().min(1).optional(),
  })
  .strict()
export type Review = z.infer<typeof ReviewSchema>

/**
 * A writer's flag on a fact to check. Open flags fail the build check; a resolved one
 * stays as the record of what was resolved, against which document and clause.
 */
export const FactFlagSchema = z
  .object({
    fact: safeText({ error: '标记缺少要核对的事实 fact' }).trim().min(1, '标记缺少要核对的事实 fact'),
    status: z.enum(['open', 'resolved'], { error: '标记状态 status 只能是 open 或 resolved' }),
    against: z.string().regex(DOCUMENT_ID).optional(),
    clause: safeText().trim().min(1).optional(),
    resolution: safeText().trim().min(1).optional(),
  })
  .strict()
  .refine((flag) => flag.status === 'open' || (flag.against !== undefined && flag.clause !== undefined && flag.resolution !== undefined), {
    message: '已解决的标记要写依据文件 against、条款 clause 和结论 resolution',
  })
export type FactFlag = z.infer<typeof FactFlagSchema>
