import { z } from 'zod'
import { storedValue } from './storedValue'

/*
 * The district 我能享受哪些 last answered for, kept on the phone only: with the family's
 * date (store/familyDate.ts) it lets the page answer again without asking.
 */
const policyDistrict = storedValue<string | null>('anxin.policyDistrict', z.string().regex(/^\d{6}$/).nullable(), null)

export const usePolicyDistrict = policyDistrict.use
export const savePolicyDistrict = policyDistrict.set
