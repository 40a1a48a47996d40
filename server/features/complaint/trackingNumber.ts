import crypto from 'node:crypto'
import { shanghaiDate } from '@domain/workingDays'

/*
 * Tracking numbers (查询码) such as TS20261122-7F3K9Q: the filing date in Asia/Shanghai
 * and six characters drawn with crypto.randomInt from 32 that cannot be misread (no 0/O,
 * 1/I). 32^6 ≈ 10^9 per day, and a lookup also needs the phone's last four digits and is
 * rate-limited, so numbers cannot be guessed or enumerated. Never a counter.
 */

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
const RANDOM_LENGTH = 6

export function newTrackingNo(now: Date = new Date()): string {
  let random = ''
  for (let i = 0; i < RANDOM_LENGTH; i++) random += ALPHABET[crypto.randomInt(ALPHABET.length)]
  return `TS${shanghaiDate(now).replace(/-/g, '')}-${random}`
}
