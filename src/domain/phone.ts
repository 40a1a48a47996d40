import { z } from 'zod'
import { safeText } from './safeText'

/** Mainland mobile numbers: 11 digits starting 13–19. */
export const MOBILE_PHONE = /^1[3-9]\d{9}$/

export const MobilePhoneSchema = safeText({ error: '请填写手机号' })
  .trim()
  .regex(MOBILE_PHONE, '请填写 11 位手机号')

/** 138****5678: what anyone but the number's owner sees. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****'
}
