import { z } from 'zod'

/*
 * What parents type, forgiven once for app and server (issue 12): Chinese keyboards give
 * full-width letters and digits (ＴＳ２０２６…), many dashes (－ — – ‐) or none, spaces,
 * and lower case. Each rule here normalises first, then says what is actually wrong.
 */

/** Every dash a phone or a Chinese input method may produce, and the 中点 some use. */
const DASHES = /[-\u2010-\u2015\u2212\uFE58\uFE63\uFF0D\u30FC\u00B7\u30FB]/g

/** Full-width ASCII (Ｆ, ２, －) to ASCII; the ideographic space to a space. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ')
}

/** Half-width, with every space and dash removed. */
export function compactInput(text: string): string {
  return toHalfWidth(text).replace(DASHES, '').replace(/\s+/g, '')
}

/* ---------- tracking numbers (查询码) ---------- */

/** The characters after the date: no 0/O/1/I, which look alike. */
const TRACKING_ALPHABET = '[2-9A-HJ-NP-Z]'
/** Tracking numbers: TS + filing date (Asia/Shanghai) + '-' + 6 random characters (no 0/O/1/I). */
export const TRACKING_NO = new RegExp(`^TS\\d{8}-${TRACKING_ALPHABET}{6}$`)
export const TRACKING_NO_EXAMPLE = 'TS20261122-7F3K9Q'

/** "ts 20261122 — 7f3k9q" → "TS20261122-7F3K9Q" (unchanged in substance when it cannot be one). */
export function normaliseTrackingNo(input: string): string {
  const compact = compactInput(input).toUpperCase()
  const parts = /^TS(\d{8})(.{6})$/.exec(compact)
  return parts ? `TS${parts[1]}-${parts[2]}` : compact
}

/** What is wrong with a typed tracking number, in words a parent can act on; null when fine. */
export function trackingNoProblem(input: string): string | null {
  const value = normaliseTrackingNo(input)
  if (value === '') return '请填写查询码'
  if (TRACKING_NO.test(value)) return null
  if (!value.startsWith('TS')) return `查询码以 TS 开头，如 ${TRACKING_NO_EXAMPLE}`
  // Where the parent put a dash tells which part is short; without one, count from the front.
  const dashed = toHalfWidth(input).toUpperCase().replace(/\s+/g, '').replace(DASHES, '-')
  const [head, tail] = dashed.includes('-') ? [dashed.slice(0, dashed.indexOf('-')), dashed.slice(dashed.indexOf('-') + 1).replace(/-/g, '')] : [value.slice(0, 10), value.slice(10)]
  const digits = head.slice(2)
  if (!/^\d{8}$/.test(digits)) return `TS 后面应是 8 位日期数字，现在是「${digits}」`
  if (tail.length !== 6) return `日期后面应是 6 个字母或数字，现在是 ${tail.length} 个`
  if (/[01OI]/.test(tail)) return '查询码里没有 0、1、O、I，请对照短信或截图再看一遍'
  return `查询码只含数字和字母，如 ${TRACKING_NO_EXAMPLE}`
}

export const TrackingNoSchema = z
  .string({ error: '请填写查询码' })
  .transform(normaliseTrackingNo)
  .superRefine((value, ctx) => {
    const problem = trackingNoProblem(value)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })

/* ---------- mobile phone numbers ---------- */

/** Mainland mobile numbers: 11 digits starting 13–19. */
export const MOBILE_PHONE = /^1[3-9]\d{9}$/

/** "+86 138-0013 8000", "１３８ ００１３ ８０００" → "13800138000". */
export function normalisePhone(input: string): string {
  const compact = compactInput(input).replace(/[()（）]/g, '')
  return compact.replace(/^(?:\+|00)?86(?=1\d{10}$)/, '')
}

/** What is wrong with a typed mobile number; null when fine. */
export function phoneProblem(input: string): string | null {
  const value = normalisePhone(input)
  if (value === '') return '请填写手机号'
  if (!/^\d+$/.test(value)) return '手机号只能包含数字'
  // Too short or too long is what this message has always said; other faults name themselves.
  if (value.length !== 11) return '请填写 11 位手机号'
  if (!MOBILE_PHONE.test(value)) return '手机号应以 13–19 开头，请核对第一、二位'
  return null
}

export const MobilePhoneSchema = z
  .string({ error: '请填写手机号' })
  .transform(normalisePhone)
  .superRefine((value, ctx) => {
    const problem = phoneProblem(value)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })

/* ---------- short digit codes (手机号后四位) ---------- */

/** A code of `length` digits, typed with any width, spaces or dashes. */
export function normaliseDigitCode(input: string): string {
  return compactInput(input)
}

export function digitCodeSchema(label: string, length: number) {
  return z
    .string({ error: `请填写${label}` })
    .transform(normaliseDigitCode)
    .superRefine((value, ctx) => {
      if (value === '') ctx.addIssue({ code: 'custom', message: `请填写${label}` })
      else if (!/^\d+$/.test(value)) ctx.addIssue({ code: 'custom', message: `${label}只能是数字` })
      else if (value.length !== length) ctx.addIssue({ code: 'custom', message: `${label}应为 ${length} 位数字，现在是 ${value.length} 位` })
    })
}

export const PhoneLast4Schema = digitCodeSchema('手机号后四位', 4)
