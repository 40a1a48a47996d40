import { ageInMonthsToday, describeMonths } from '@domain/age'
import { Child } from '@domain/child'

/** "2024-03-01 出生，1岁8个月" or "预产期 2027-02-10". */
export function describeChild(child: Pick<Child, 'birthDate' | 'dueDate'>, now: Date = new Date()): string {
  if (child.birthDate) return `${child.birthDate} 出生，${describeMonths(ageInMonthsToday(child.birthDate, now))}`
  return `预产期 ${child.dueDate ?? ''}`
}
