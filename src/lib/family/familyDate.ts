import { z } from 'zod'
import { Child } from '@domain/child'
import { ISO_DATE } from '@domain/shanghaiTime'

/*
 * The date 生命1000天 counts from: a due date before birth, a birth date after. Picked
 * from a child already added, it remembers which one so the card can say the nickname.
 */

export const FamilyDateSchema = z.object({
  kind: z.enum(['dueDate', 'birthDate']),
  date: z.string().regex(ISO_DATE),
  childId: z.string().optional(),
  nickname: z.string().optional(),
})
export type FamilyDate = z.infer<typeof FamilyDateSchema>

/** A child's date as the family date: the birth date once born, else the due date. */
export function familyDateOfChild(child: Pick<Child, 'id' | 'nickname' | 'birthDate' | 'dueDate'>): FamilyDate | null {
  if (child.birthDate) return { kind: 'birthDate', date: child.birthDate, childId: child.id, nickname: child.nickname }
  if (child.dueDate) return { kind: 'dueDate', date: child.dueDate, childId: child.id, nickname: child.nickname }
  return null
}

/** The date as the stage engine and GET /content/today take it. */
export function datesOf(date: FamilyDate): { birthDate?: string; dueDate?: string } {
  return date.kind === 'dueDate' ? { dueDate: date.date } : { birthDate: date.date }
}
