import { yuanToFen } from '@domain/money'

/**
 * Reads the "最高费用" box: parents type yuan (元); the API wants integer fen.
 * Empty means no limit; anything that is not a non-negative amount is rejected.
 */
export function parseMaxFeeYuan(text: string): { ok: true; fen: number | undefined } | { ok: false; message: string } {
  const trimmed = text.trim()
  if (trimmed === '') return { ok: true, fen: undefined }
  if (!/^\d+(\.\d{1,2})?$/.test(trimmed)) return { ok: false, message: '请输入金额（元），最多两位小数' }
  const fen = yuanToFen(Number(trimmed))
  if (fen > 100_000_000) return { ok: false, message: '金额太大了' }
  return { ok: true, fen }
}

/** Reads the "孩子月龄" box: whole months 0–72, empty for any age. */
export function parseAgeMonths(text: string): { ok: true; months: number | undefined } | { ok: false; message: string } {
  const trimmed = text.trim()
  if (trimmed === '') return { ok: true, months: undefined }
  if (!/^\d+$/.test(trimmed) || Number(trimmed) > 72) return { ok: false, message: '月龄请输入 0–72 的整数' }
  return { ok: true, months: Number(trimmed) }
}
