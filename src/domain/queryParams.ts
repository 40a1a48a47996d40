import { z } from 'zod'
import { isSafeText, UNSAFE_TEXT_MESSAGE } from './safeText'

/*
 * Query-string values as routes receive them (one string each, a repeated parameter
 * refused), read into numbers, flags, choices or text by one rule for every route:
 * safe text first (safeText.ts), then the value or one message naming the field
 * ("纬度必须是数字", "纬度不能小于 -90"). docs/api.md, "Bad input".
 */

/** A value refused, with the message the parent reads. */
class Refused {
  constructor(readonly message: string) {}
}

/**
 * One query value (a repeated parameter is refused) read by `read` in one zod step: safe
 * text (safeText.ts), then `read`'s value or refusal. The search route validates every
 * request, and a chain of zod steps per parameter (string, refine, trim, regex, transform,
 * pipe, number, min, max) cost several times the checks themselves (issue 11's profile).
 */
function param<T>(label: string, read: (text: string) => T | Refused) {
  return z.string({ error: `${label}只能填写一个值` }).transform((text, ctx): T => {
    const value = isSafeText(text) ? read(text) : new Refused(UNSAFE_TEXT_MESSAGE)
    if (!(value instanceof Refused)) return value
    ctx.addIssue({ code: 'custom', message: value.message, input: text })
    return z.NEVER
  })
}

const DECIMAL = /^-?\d+(\.\d+)?$/
const DIGITS = /^\d+$/

function inRange(label: string, value: number, min: number, max: number): number | Refused {
  if (value < min) return new Refused(`${label}不能小于 ${min}`)
  if (value > max) return new Refused(`${label}不能大于 ${max}`)
  return value
}

export function decimalParam(label: string, min: number, max: number) {
  return param(label, (text) => {
    const trimmed = text.trim()
    return DECIMAL.test(trimmed) ? inRange(label, Number(trimmed), min, max) : new Refused(`${label}必须是数字`)
  })
}

export function integerParam(label: string, min: number, max: number) {
  return param(label, (text) => {
    const trimmed = text.trim()
    return DIGITS.test(trimmed) ? inRange(label, Number(trimmed), min, max) : new Refused(`${label}必须是整数`)
  })
}

export function booleanParam(label: string) {
  return param(label, (text) => {
    const trimmed = text.trim()
    return trimmed === 'true' ? true : trimmed === 'false' ? false : new Refused(`${label}只能是 true 或 false`)
  })
}

/** One of `values`, exactly as written, or `message`. */
export function choiceParam<T extends string>(label: string, values: readonly T[], message: string) {
  return param(label, (text) => ((values as readonly string[]).includes(text) ? (text as T) : new Refused(message)))
}

/** Trimmed text of at most `max` characters; `min` 1 refuses an empty one with `emptyMessage`. */
export function textParam(label: string, max: number, tooLong: string, options: { trim: boolean; emptyMessage?: string }) {
  return param(label, (text) => {
    const value = options.trim ? text.trim() : text
    if (options.emptyMessage !== undefined && value.length === 0) return new Refused(options.emptyMessage)
    return value.length > max ? new Refused(tooLong) : value
  })
}
