import { FamilyDate, FamilyDateSchema } from '../lib/family/familyDate'
import { storedValue } from './storedValue'

/*
 * The family's 生命1000天 date, kept on the phone only (Taro storage): it is the
 * family's, and the guidance it picks is public, so the server never needs to keep it.
 */

const familyDate = storedValue<FamilyDate | null>('anxin.familyDate', FamilyDateSchema.nullable(), null)

export const getFamilyDate = familyDate.get
export const useFamilyDate = familyDate.use

export function saveFamilyDate(next: FamilyDate): void {
  familyDate.set(next)
}

export function forgetFamilyDate(): void {
  familyDate.set(null)
}
