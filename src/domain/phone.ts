// The mobile-number rule lives with the other forgiving input rules (inputRules.ts).
export { MOBILE_PHONE, MobilePhoneSchema } from './inputRules'

/** 138****5678: what anyone but the number's owner sees. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****'
}
