import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import {
  ageWeekOfDays,
  describeAge,
  describePregnancyWeek,
  lifeStageAt,
  lifeStageOn,
  LifeStage,
  LifeStageInput,
  monthsAndDays,
  pregnancyWeekOfDay,
  stageOfAgeMonths,
  stageOfPregnancyWeek,
} from '@domain/lifeStage'

dayjs.extend(utc)

/** Calendar arithmetic for the tests themselves, independent of the engine. */
function plusDays(date: string, days: number): string {
  return dayjs.utc(date).add(days, 'day').format('YYYY-MM-DD')
}

function stageOn(input: LifeStageInput, date: string): LifeStage {
  const result = lifeStageOn(input, date)
  if (!result.ok) throw new Error(`expected a stage, got ${result.message}`)
  return result.value
}

function failureOn(input: LifeStageInput, date: string) {
  const result = lifeStageOn(input, date)
  if (result.ok) throw new Error(`expected a failure, got ${result.value.ageText}`)
  return result
}

// Due 2025-10-08 ⇒ day 1 (due − 280 days) is 2025-01-01.
const DUE = '2025-10-08'
const DAY_1 = '2025-01-01'
const dayN = (n: number) => plusDays(DAY_1, n - 1)

describe('the 1000-day count in pregnancy', () => {
  it('starts day 1 on the due date minus 280 days', () => {
    expect(plusDays(DUE, -280)).toBe(DAY_1)
    const s = stageOn({ dueDate: DUE }, DAY_1)
    expect(s.dayOf1000).toBe(1)
    expect(s.pregnancyWeek).toBe(1)
    expect(s.gestationalAge).toEqual({ weeks: 0, days: 0 })
    expect(s.stage).toBe('preconception_early')
    expect(s.phase).toBe('pregnancy')
  })

  it('puts the day before day 1 in 备孕, outside the count', () => {
    const s = stageOn({ dueDate: DUE }, plusDays(DAY_1, -1))
    expect(s.dayOf1000).toBeNull()
    expect(s.pregnancyWeek).toBe(0)
    expect(s.gestationalAge).toBeNull()
    expect(s.stage).toBe('preconception_early')
    expect(s.ageText).toBe('备孕期 · 还有 1 天进入生命1000天')
  })

  it('reaches day 280 the day before the due date, at 39 weeks 6 days', () => {
    const s = stageOn({ dueDate: DUE }, plusDays(DUE, -1))
    expect(s.dayOf1000).toBe(280)
    expect(s.pregnancyWeek).toBe(40)
    expect(s.gestationalAge).toEqual({ weeks: 39, days: 6 })
    expect(s.stage).toBe('late_pregnancy')
  })

  it('makes the due date 40 weeks 0 days, the day a term birth would be day 281', () => {
    const s = stageOn({ dueDate: DUE }, DUE)
    expect(s.gestationalAge).toEqual({ weeks: 40, days: 0 })
    expect(s.pregnancyWeek).toBe(41)
    expect(s.ageText).toBe('孕 40 周 · 生命1000天 第 280 天')
  })

  it('waits at day 280 after the due date until the baby is born', () => {
    const s = stageOn({ dueDate: DUE }, plusDays(DUE, 5))
    expect(s.dayOf1000).toBe(280)
    expect(s.pregnancyWeek).toBe(41)
    expect(s.ageText).toBe('孕 40 周 5 天 · 生命1000天 第 280 天')
  })

  it('counts pregnancy week n over days 7(n−1)+1 … 7n', () => {
    for (let n = 1; n <= 42; n += 1) {
      expect(stageOn({ dueDate: DUE }, dayN(7 * (n - 1) + 1)).pregnancyWeek).toBe(n)
      expect(stageOn({ dueDate: DUE }, dayN(7 * n)).pregnancyWeek).toBe(n)
    }
    expect(pregnancyWeekOfDay(0)).toBe(0)
    expect(pregnancyWeekOfDay(-5)).toBe(0)
    expect(pregnancyWeekOfDay(294)).toBe(42)
  })

  it('writes the gestational age as a doctor does: completed weeks and days', () => {
    // day 169 is week 25 on the library's count: 24 completed weeks and 0 days
    expect(stageOn({ dueDate: DUE }, dayN(169)).ageText).toBe('孕 24 周 · 生命1000天 第 169 天')
    expect(stageOn({ dueDate: DUE }, dayN(172)).ageText).toBe('孕 24 周 3 天 · 生命1000天 第 172 天')
    expect(stageOn({ dueDate: DUE }, dayN(172)).pregnancyWeek).toBe(25)
  })

  it('changes stage at weeks 14 and 28', () => {
    expect(stageOn({ dueDate: DUE }, dayN(91)).stage).toBe('preconception_early') // last day of week 13
    expect(stageOn({ dueDate: DUE }, dayN(92)).stage).toBe('mid_pregnancy') // first day of week 14
    expect(stageOn({ dueDate: DUE }, dayN(189)).stage).toBe('mid_pregnancy') // last day of week 27
    expect(stageOn({ dueDate: DUE }, dayN(190)).stage).toBe('late_pregnancy') // first day of week 28
    expect([0, 13, 14, 27, 28, 42].map(stageOfPregnancyWeek)).toEqual([
      'preconception_early',
      'preconception_early',
      'mid_pregnancy',
      'mid_pregnancy',
      'late_pregnancy',
      'late_pregnancy',
    ])
  })

  it('accepts a due date until the end of pregnancy week 42 (41 weeks 6 days) and refuses one later', () => {
    expect(stageOn({ dueDate: DUE }, plusDays(DUE, 13)).pregnancyWeek).toBe(42)
    expect(stageOn({ dueDate: DUE }, plusDays(DUE, 13)).gestationalAge).toEqual({ weeks: 41, days: 6 })
    const late = failureOn({ dueDate: DUE }, plusDays(DUE, 14))
    expect(late.field).toBe('dueDate')
    expect(late.message).toContain('出生日期')
  })

  it('accepts a due date up to 300 days ahead and refuses one further', () => {
    expect(stageOn({ dueDate: plusDays('2026-01-01', 300) }, '2026-01-01').pregnancyWeek).toBe(0)
    expect(failureOn({ dueDate: plusDays('2026-01-01', 301) }, '2026-01-01')).toEqual({ ok: false, field: 'dueDate', message: '预产期太远，请检查' })
    expect(failureOn({ dueDate: '9999-12-31' }, '2026-01-01').field).toBe('dueDate')
    expect(failureOn({ dueDate: '1900-01-01' }, '2026-01-01').field).toBe('dueDate')
  })

  it('counts across a leap day (a due date after 29 February)', () => {
    // due 2024-10-07 ⇒ day 1 is 2024-01-01, and the 280 days include 2024-02-29
    const due = '2024-10-07'
    expect(plusDays(due, -280)).toBe('2024-01-01')
    expect(stageOn({ dueDate: due }, '2024-01-01').dayOf1000).toBe(1)
    expect(stageOn({ dueDate: due }, '2024-02-29').dayOf1000).toBe(60)
    expect(stageOn({ dueDate: due }, '2024-03-01').dayOf1000).toBe(61)
    expect(stageOn({ dueDate: due }, '2024-10-06').dayOf1000).toBe(280)
  })

  it('takes 29 February itself as a due date', () => {
    expect(stageOn({ dueDate: '2028-02-29' }, '2028-02-28').dayOf1000).toBe(280)
    expect(stageOn({ dueDate: '2028-02-29' }, '2028-02-29').gestationalAge).toEqual({ weeks: 40, days: 0 })
    expect(stageOn({ dueDate: '2028-02-29' }, plusDays('2028-02-29', -280)).dayOf1000).toBe(1)
  })
})

describe('the 1000-day count after birth', () => {
  const BIRTH = '2025-03-10'

  it('makes the day of birth day 281 at term', () => {
    const s = stageOn({ birthDate: BIRTH }, BIRTH)
    expect(s.dayOf1000).toBe(281)
    expect(s.ageDays).toBe(0)
    expect(s.ageWeek).toBe(0)
    expect(s.ageMonths).toBe(0)
    expect(s.stage).toBe('infant_0_6')
    expect(s.phase).toBe('after_birth')
    expect(s.pregnancyWeek).toBeNull()
    expect(s.ageText).toBe('宝宝今天出生 · 生命1000天 第 281 天')
  })

  it('makes the day of birth day 281 whatever the gestation', () => {
    const preterm = stageOn({ birthDate: BIRTH, dueDate: plusDays(BIRTH, 60) }, BIRTH)
    const postTerm = stageOn({ birthDate: BIRTH, dueDate: plusDays(BIRTH, -10) }, BIRTH)
    expect(preterm.dayOf1000).toBe(281)
    expect(postTerm.dayOf1000).toBe(281)
  })

  it('reaches day 1000 on the 720th day of life and stops counting after it', () => {
    const day720 = plusDays(BIRTH, 719)
    expect(stageOn({ birthDate: BIRTH }, day720).dayOf1000).toBe(1000)
    expect(stageOn({ birthDate: BIRTH }, plusDays(day720, -1)).dayOf1000).toBe(999)
    const after = stageOn({ birthDate: BIRTH }, plusDays(day720, 1))
    expect(after.dayOf1000).toBeNull()
    expect(after.ageText).toBe('宝宝 1 岁 11 个月 18 天 · 已走过生命1000天')
    expect(after.stage).toBe('toddler_1_2')
  })

  it('reads "宝宝 7 个月 12 天 · 生命1000天 第 N 天"', () => {
    const on = '2025-10-22' // 2025-03-10 + 7 months = 2025-10-10, + 12 days
    const s = stageOn({ birthDate: BIRTH }, on)
    const days = dayjs.utc(on).diff(dayjs.utc(BIRTH), 'day')
    expect(s.ageText).toBe(`宝宝 7 个月 12 天 · 生命1000天 第 ${281 + days} 天`)
    expect(s.ageMonths).toBe(7)
  })

  it('the issue\'s example: 7 months 12 days is around day 505', () => {
    const s = stageOn({ birthDate: '2025-01-01' }, '2025-08-13')
    expect(s.ageText).toBe('宝宝 7 个月 12 天 · 生命1000天 第 505 天')
  })

  it('counts age week k over days 7k … 7k+6 of life', () => {
    for (const k of [0, 1, 25, 26, 51, 52, 103, 104, 155]) {
      expect(stageOn({ birthDate: BIRTH }, plusDays(BIRTH, 7 * k)).ageWeek).toBe(k)
      expect(stageOn({ birthDate: BIRTH }, plusDays(BIRTH, 7 * k + 6)).ageWeek).toBe(k)
    }
    expect(ageWeekOfDays(6)).toBe(0)
    expect(ageWeekOfDays(7)).toBe(1)
  })

  it('changes stage on the 6-, 12- and 24-month days', () => {
    expect(stageOn({ birthDate: BIRTH }, '2025-09-09').stage).toBe('infant_0_6')
    expect(stageOn({ birthDate: BIRTH }, '2025-09-10').stage).toBe('infant_6_12')
    expect(stageOn({ birthDate: BIRTH }, '2026-03-09').stage).toBe('infant_6_12')
    expect(stageOn({ birthDate: BIRTH }, '2026-03-10').stage).toBe('toddler_1_2')
    expect(stageOn({ birthDate: BIRTH }, '2027-03-09').stage).toBe('toddler_1_2')
    expect(stageOn({ birthDate: BIRTH }, '2027-03-10').stage).toBe('toddler_2_3')
    expect([0, 5, 6, 11, 12, 23, 24, 36].map(stageOfAgeMonths)).toEqual([
      'infant_0_6',
      'infant_0_6',
      'infant_6_12',
      'infant_6_12',
      'toddler_1_2',
      'toddler_1_2',
      'toddler_2_3',
      'toddler_2_3',
    ])
  })

  it('guides through the third birthday, in age week 156, and refuses the day after', () => {
    const third = stageOn({ birthDate: BIRTH }, '2028-03-10')
    expect(third.ageMonths).toBe(36)
    expect(third.ageWeek).toBe(156)
    expect(third.stage).toBe('toddler_2_3')
    expect(third.dayOf1000).toBeNull()
    expect(third.ageText).toBe('宝宝 3 岁 · 已走过生命1000天')
    const after = failureOn({ birthDate: BIRTH }, '2028-03-11')
    expect(after.field).toBe('birthDate')
    expect(after.message).toContain('3 岁')
  })

  it('refuses a birth date in the future and one far in the past', () => {
    expect(failureOn({ birthDate: '2026-01-02' }, '2026-01-01')).toEqual({ ok: false, field: 'birthDate', message: '出生日期不能晚于今天' })
    expect(failureOn({ birthDate: '9999-01-01' }, '2026-01-01').field).toBe('birthDate')
    expect(failureOn({ birthDate: '1900-01-01' }, '2026-01-01').field).toBe('birthDate')
  })

  it('asks for a date when neither is given', () => {
    expect(failureOn({}, '2026-01-01')).toEqual({ ok: false, field: 'birthDate', message: '请填写出生日期或预产期' })
  })
})

describe('leap-day births', () => {
  const LEAP = '2024-02-29'

  it('turns one month on 29 March and one year on 28 February of a common year', () => {
    expect(stageOn({ birthDate: LEAP }, '2024-03-28').ageText).toMatch(/^宝宝 28 天 /)
    expect(stageOn({ birthDate: LEAP }, '2024-03-29').ageText).toMatch(/^宝宝 1 个月 ·/)
    expect(stageOn({ birthDate: LEAP }, '2025-02-27').ageMonths).toBe(11)
    expect(stageOn({ birthDate: LEAP }, '2025-02-28').ageMonths).toBe(12)
    expect(stageOn({ birthDate: LEAP }, '2025-02-28').stage).toBe('toddler_1_2')
    expect(stageOn({ birthDate: LEAP }, '2025-03-01').ageText).toMatch(/^宝宝 1 岁 1 天 /)
  })

  it('counts day 1000 by days, unaffected by the leap day', () => {
    expect(stageOn({ birthDate: LEAP }, plusDays(LEAP, 719)).dayOf1000).toBe(1000)
  })

  it('reaches the third birthday on 28 February 2027', () => {
    expect(stageOn({ birthDate: LEAP }, '2027-02-28').ageMonths).toBe(36)
    expect(failureOn({ birthDate: LEAP }, '2027-03-01').field).toBe('birthDate')
  })
})

describe('month arithmetic', () => {
  it('takes the last day of a shorter month as the monthly birthday', () => {
    expect(monthsAndDays('2025-01-31', '2025-02-28')).toEqual({ months: 1, days: 0 })
    expect(monthsAndDays('2025-01-31', '2025-03-30')).toEqual({ months: 1, days: 30 })
    expect(monthsAndDays('2025-01-31', '2025-03-31')).toEqual({ months: 2, days: 0 })
  })

  it('describes ages in the words a parent uses', () => {
    expect(describeAge(0, 12)).toBe('12 天')
    expect(describeAge(7, 0)).toBe('7 个月')
    expect(describeAge(12, 0)).toBe('1 岁')
    expect(describeAge(15, 3)).toBe('1 岁 3 个月 3 天')
    expect(describeAge(0, 0)).toBe('0 天')
  })
})

describe('corrected age for babies born before 37 weeks', () => {
  // Born 8 weeks before the due date: gestation 32 weeks.
  const BIRTH = '2025-03-01'
  const DUE_LATE = plusDays(BIRTH, 56)

  it('gives no corrected age at term or with one date only', () => {
    expect(stageOn({ birthDate: BIRTH }, '2025-06-01').correctedAgeText).toBeNull()
    const term = stageOn({ birthDate: BIRTH, dueDate: plusDays(BIRTH, 21) }, '2025-06-01') // 37 weeks exactly
    expect(term.premature).toBe(false)
    expect(term.correctedAgeText).toBeNull()
  })

  it('treats 36 weeks 6 days as premature', () => {
    const s = stageOn({ birthDate: BIRTH, dueDate: plusDays(BIRTH, 22) }, '2025-06-01')
    expect(s.premature).toBe(true)
    expect(s.correctedAgeText).not.toBeNull()
  })

  it('counts corrected age from the due date', () => {
    const on = plusDays(DUE_LATE, 40)
    const s = stageOn({ birthDate: BIRTH, dueDate: DUE_LATE }, on)
    const corrected = monthsAndDays(DUE_LATE, on)
    expect(s.correctedAgeText).toBe(`矫正月龄 ${describeAge(corrected.months, corrected.days)}`)
    expect(s.correctedAgeMonths).toBe(1)
    expect(s.ageMonths).toBe(3)
  })

  it('shows a corrected gestational age before the due date', () => {
    const s = stageOn({ birthDate: BIRTH, dueDate: DUE_LATE }, plusDays(BIRTH, 10))
    expect(s.correctedAgeText).toBe('矫正胎龄 33 周 3 天（未到预产期）')
    expect(s.correctedAgeMonths).toBe(0)
  })

  it('stops correcting at 24 months of age', () => {
    expect(stageOn({ birthDate: BIRTH, dueDate: DUE_LATE }, '2027-02-28').correctedAgeText).not.toBeNull()
    expect(stageOn({ birthDate: BIRTH, dueDate: DUE_LATE }, '2027-03-01').correctedAgeText).toBeNull()
  })

  it('refuses dates that cannot belong together', () => {
    expect(failureOn({ birthDate: BIRTH, dueDate: plusDays(BIRTH, 200) }, '2025-06-01').field).toBe('dueDate')
    expect(failureOn({ birthDate: BIRTH, dueDate: plusDays(BIRTH, -60) }, '2025-06-01').field).toBe('dueDate')
  })
})

describe('Asia/Shanghai midnight', () => {
  it('moves to the next day at 16:00 UTC', () => {
    const before = lifeStageAt({ birthDate: '2025-03-10' }, new Date('2025-03-10T15:59:59.999Z'))
    const after = lifeStageAt({ birthDate: '2025-03-10' }, new Date('2025-03-10T16:00:00.000Z'))
    expect(before.ok && before.value.dayOf1000).toBe(281)
    expect(after.ok && after.value.dayOf1000).toBe(282)
  })

  it('sees a birth "tomorrow" in UTC as today in Shanghai', () => {
    // 2025-03-09 16:30Z is 2025-03-10 00:30 in Shanghai: the birth day, not the future
    const result = lifeStageAt({ birthDate: '2025-03-10' }, new Date('2025-03-09T16:30:00Z'))
    expect(result.ok).toBe(true)
    expect(lifeStageAt({ birthDate: '2025-03-10' }, new Date('2025-03-09T15:30:00Z')).ok).toBe(false)
  })

  it('moves a pregnancy week at Shanghai midnight', () => {
    const lastOfWeek1 = lifeStageAt({ dueDate: DUE }, new Date('2025-01-07T15:59:59Z'))
    const firstOfWeek2 = lifeStageAt({ dueDate: DUE }, new Date('2025-01-07T16:00:00Z'))
    expect(lastOfWeek1.ok && lastOfWeek1.value.pregnancyWeek).toBe(1)
    expect(firstOfWeek2.ok && firstOfWeek2.value.pregnancyWeek).toBe(2)
  })
})

describe('a walk over every day from day 1 to the third birthday', () => {
  it('never skips or repeats a day, and weeks and stages only move forward', () => {
    const birth = '2025-10-08'
    let previous: LifeStage | null = null
    const order = ['preconception_early', 'mid_pregnancy', 'late_pregnancy', 'infant_0_6', 'infant_6_12', 'toddler_1_2', 'toddler_2_3']
    for (let date = '2025-01-01'; date <= '2028-10-08'; date = plusDays(date, 1)) {
      const s = date < birth ? stageOn({ dueDate: birth }, date) : stageOn({ birthDate: birth }, date)
      if (previous) {
        expect(order.indexOf(s.stage)).toBeGreaterThanOrEqual(order.indexOf(previous.stage))
        if (previous.dayOf1000 !== null && s.dayOf1000 !== null) expect(s.dayOf1000).toBe(previous.dayOf1000 + 1)
        if (previous.ageWeek !== null && s.ageWeek !== null) expect(s.ageWeek - previous.ageWeek).toBeLessThanOrEqual(1)
        if (previous.pregnancyWeek !== null && s.pregnancyWeek !== null) expect(s.pregnancyWeek - previous.pregnancyWeek).toBeLessThanOrEqual(1)
      }
      previous = s
    }
    expect(previous?.ageWeek).toBe(156)
  })
})

describe('one way to say pregnancy weeks (issue 12: "孕 24 周 1 天" beside "孕第 25 周")', () => {
  it('names the week of the library\'s count with the completed weeks the age text shows, on every day of pregnancy', () => {
    for (let n = 1; n <= 280; n++) {
      const stage = stageOn({ dueDate: DUE }, dayN(n))
      const weeks = /^孕 (\d+) 周/.exec(stage.ageText)![1]
      expect({ n, label: describePregnancyWeek(stage.pregnancyWeek!) }).toEqual({ n, label: `孕 ${weeks} 周` })
    }
  })
})
