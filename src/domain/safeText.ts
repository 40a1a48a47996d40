import { z } from 'zod'

/*
 * Every piece of text a request carries goes through one rule before anything else
 * sees it: no NUL byte (PostgreSQL cannot store U+0000 in text and answers with an
 * error) and no lone UTF-16 surrogate (not a character; it cannot be encoded as UTF-8
 * without silently turning into "�"). Schemas of what arrives use safeText() where
 * they would use z.string(); docs/api.md, "Bad input".
 */

export const UNSAFE_TEXT_MESSAGE = '含有无法识别的字符（如空字符），请删除后重试'

// Any UTF-16 high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** Whether a string may reach storage: no NUL, no lone surrogate. */
export function isSafeText(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value)
}

/** z.string() that refuses NUL bytes and lone surrogates with a message naming the field. */
export function safeText(params?: Parameters<typeof z.string>[0]): z.ZodString {
  return z.string(params).refine(isSafeText, UNSAFE_TEXT_MESSAGE)
}
