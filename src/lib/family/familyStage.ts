import { Child } from '@domain/child'
import type { Tip } from '@domain/content'
import { describePregnancyWeek, LifeStage, lifeStageAt } from '@domain/lifeStage'
import { shanghaiDate } from '@domain/shanghaiTime'
import { datesOf, FamilyDate, familyDateOfChild } from './familyDate'

/*
 * The family's 生命1000天 place as the app shows it, from the shared stage engine
 * (src/domain/lifeStage.ts) so the card appears at once, before /content/today answers.
 */

export type FamilyStage = { ok: true; date: FamilyDate; stage: LifeStage } | { ok: false; date: FamilyDate; message: string }

export function familyStageAt(date: FamilyDate, now: Date = new Date()): FamilyStage {
  const result = lifeStageAt(datesOf(date), now)
  return result.ok ? { ok: true, date, stage: result.value } : { ok: false, date, message: result.message }
}

/**
 * Which date the home tab's card counts from: the one the family entered on the stage
 * home, else the youngest added child the count can still place (born or due, under
 * three). Null when nothing is known: the card then shows only a small entry.
 */
export function currentFamilyDate(stored: FamilyDate | null, children: readonly Child[], now: Date = new Date()): FamilyDate | null {
  if (stored) return stored
  const placed = children
    .map(familyDateOfChild)
    .filter((date): date is FamilyDate => date !== null && familyStageAt(date, now).ok)
    // the latest date is the youngest child (a due date is later than any birth date)
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
  return placed[0] ?? null
}

/** The week the guidance is for: "孕 24 周" (completed weeks, as ageText counts them) or "出生第 33 周". */
export function weekLabel(stage: LifeStage): string {
  if (stage.phase === 'pregnancy') return stage.pregnancyWeek ? describePregnancyWeek(stage.pregnancyWeek) : '备孕期'
  return `出生第 ${(stage.ageWeek ?? 0) + 1} 周`
}

/** How far through the 1000 days, 0–1, for the card's progress bar (1 after day 1000). */
export function progressOf1000(stage: LifeStage): number {
  if (stage.dayOf1000 !== null) return stage.dayOf1000 / 1000
  return stage.phase === 'after_birth' ? 1 : 0
}

/**
 * Today's tip: the week's tips take turns day by day, so a week with several shows a
 * different one each day and the same one all day long.
 */
export function tipOfTheDay(tips: readonly Tip[], date: string): Tip | null {
  if (tips.length === 0) return null
  const dayNumber = Math.round(shanghaiDate(date).valueOf() / 86_400_000)
  return tips[((dayNumber % tips.length) + tips.length) % tips.length]
}
