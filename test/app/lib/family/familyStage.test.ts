import { Child } from '@domain/child'
import { Tip } from '@domain/content'
import { currentFamilyDate, familyStageAt, progressOf1000, tipOfTheDay, weekLabel } from '@app/lib/family/familyStage'

// 2026-11-23 12:00 in Asia/Shanghai
const NOW = new Date('2026-11-23T04:00:00Z')

function child(id: string, dates: Partial<Pick<Child, 'birthDate' | 'dueDate'>>): Child {
  return { id, nickname: `宝宝${id}`, birthDate: dates.birthDate ?? null, dueDate: dates.dueDate ?? null, createdAt: '2026-01-01T00:00:00+08:00' }
}

describe('the family’s place in 生命1000天, as the app shows it', () => {
  it('says the pregnancy week from a due date, with the day of the 1000', () => {
    // due 2027-03-12 → day 1 is 2026-06-05; 2026-11-23 is day 172 = 24 weeks 3 days
    const result = familyStageAt({ kind: 'dueDate', date: '2027-03-12' }, NOW)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.stage.ageText).toBe('孕 24 周 3 天 · 生命1000天 第 172 天')
    // one way to say pregnancy weeks: the label counts completed weeks, as ageText does (issue 12)
    expect(weekLabel(result.stage)).toBe('孕 24 周')
    expect(progressOf1000(result.stage)).toBeCloseTo(0.172)
  })

  it('says the baby’s age and the day of the 1000 from a birth date', () => {
    const result = familyStageAt({ kind: 'birthDate', date: '2026-04-11' }, NOW)
    expect(result.ok && result.stage.ageText).toBe('宝宝 7 个月 12 天 · 生命1000天 第 507 天')
    expect(result.ok && weekLabel(result.stage)).toBe('出生第 33 周')
  })

  it('refuses a date the count cannot place, in the engine’s words', () => {
    expect(familyStageAt({ kind: 'birthDate', date: '2026-12-01' }, NOW)).toMatchObject({ ok: false, message: '出生日期不能晚于今天' })
    expect(familyStageAt({ kind: 'dueDate', date: '2028-01-01' }, NOW)).toMatchObject({ ok: false, message: '预产期太远，请检查' })
  })

  it('fills the bar to the end after day 1000 and leaves it empty before day 1', () => {
    const after = familyStageAt({ kind: 'birthDate', date: '2024-06-01' }, NOW)
    expect(after.ok && after.stage.dayOf1000).toBeNull()
    expect(after.ok && progressOf1000(after.stage)).toBe(1)
    const before = familyStageAt({ kind: 'dueDate', date: '2027-09-05' }, NOW)
    expect(before.ok && weekLabel(before.stage)).toBe('备孕期')
    expect(before.ok && progressOf1000(before.stage)).toBe(0)
  })
})

describe('which date the home tab’s card counts from', () => {
  it('is the date the family entered, whatever children were added', () => {
    const stored = { kind: 'dueDate' as const, date: '2027-03-12' }
    expect(currentFamilyDate(stored, [child('1', { birthDate: '2026-04-11' })], NOW)).toBe(stored)
  })

  it('is otherwise the youngest child the count can place, with its nickname', () => {
    const children = [child('old', { birthDate: '2020-01-01' }), child('mid', { birthDate: '2025-05-01' }), child('due', { dueDate: '2027-02-01' })]
    expect(currentFamilyDate(null, children, NOW)).toEqual({ kind: 'dueDate', date: '2027-02-01', childId: 'due', nickname: '宝宝due' })
    expect(currentFamilyDate(null, children.slice(0, 2), NOW)).toMatchObject({ childId: 'mid', kind: 'birthDate' })
  })

  it('is nothing when no date is known or no child is under three', () => {
    expect(currentFamilyDate(null, [], NOW)).toBeNull()
    expect(currentFamilyDate(null, [child('old', { birthDate: '2020-01-01' })], NOW)).toBeNull()
  })
})

describe('today’s tip', () => {
  const tips: Tip[] = ['一', '二', '三'].map((text) => ({ stage: 'mid_pregnancy', pregnancyWeek: 25, ageWeek: null, text, source: '指南' }))

  it('stays the same all day and changes with the day', () => {
    const monday = tipOfTheDay(tips, '2026-11-23')
    expect(tipOfTheDay(tips, '2026-11-23')).toBe(monday)
    const week = ['2026-11-23', '2026-11-24', '2026-11-25'].map((d) => tipOfTheDay(tips, d)?.text)
    expect(new Set(week).size).toBe(3)
  })

  it('is the only tip when the week has one, and none when it has none', () => {
    expect(tipOfTheDay(tips.slice(0, 1), '2026-11-30')?.text).toBe('一')
    expect(tipOfTheDay([], '2026-11-30')).toBeNull()
  })
})
