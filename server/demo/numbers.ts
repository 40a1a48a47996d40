import { Random } from './random'

/* Small arithmetic the demo generator draws with. */

export function roundTo(value: number, step: number, range?: { min: number; max: number }): number {
  const rounded = Math.round(value / step) * step
  return range ? clamp(rounded, range.min, range.max) : Math.max(step, rounded)
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value))
}

export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6
}

export function shuffle<T>(items: T[], random: Random): T[] {
  const result = [...items]
  for (let i = result.length - 1; i > 0; i--) {
    const j = random.int(0, i)
    ;[result[i], result[j]] = [result[j], result[i]]
  }
  return result
}

export function splitEvenly(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0))
}

/** A stable 32-bit hash of a string (FNV-1a), to give each district its own random stream. */
export function hashCode(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}
