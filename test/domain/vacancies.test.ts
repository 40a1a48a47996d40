import { ageBandOf, bandsWithin, describeAgeBand, describeCell, hasVacancyFor } from '@domain/vacancies'

describe('vacancies per care mode and age band', () => {
  it('puts every child under three in exactly one band', () => {
    expect([0, 11, 12, 23, 24, 36, 37].map(ageBandOf)).toEqual(['infant', 'infant', 'toddler', 'toddler', 'preschool', 'preschool', null])
    expect(describeAgeBand('infant')).toBe('乳儿班（0–12 月）')
    expect(describeAgeBand('preschool')).toBe('托大班（24–36 月）')
  })

  it('offers the bands an age range takes', () => {
    expect(bandsWithin({ minMonths: 24, maxMonths: 36 })).toEqual(['preschool'])
    expect(bandsWithin({ minMonths: 6, maxMonths: 24 })).toEqual(['infant', 'toddler', 'preschool'])
    expect(bandsWithin({ minMonths: 12, maxMonths: 23 })).toEqual(['toddler'])
  })

  it('reads as parents see it', () => {
    expect(describeCell({ careMode: 'full_day', ageBand: 'toddler', vacancies: 2 })).toBe('全日托 · 托小班 空 2 个')
    expect(describeCell({ careMode: 'hourly', ageBand: 'infant', vacancies: 0 })).toBe('计时托 · 乳儿班 已满')
  })

  it('does not show a 24-month child wanting 全日托 a place that only has infant vacancies', () => {
    const infantOnly = [{ careMode: 'full_day' as const, ageBand: 'infant' as const, vacancies: 3 }]
    expect(hasVacancyFor(3, infantOnly, { careModes: ['full_day'], ageMonths: 24 })).toBe(false)
    expect(hasVacancyFor(3, infantOnly, { careModes: ['full_day'], ageMonths: 8 })).toBe(true)
    expect(hasVacancyFor(3, infantOnly, { careModes: ['hourly'], ageMonths: 8 })).toBe(false)
    expect(hasVacancyFor(3, infantOnly, { careModes: [] })).toBe(true)
  })

  it('judges an institution never broken down by its total', () => {
    expect(hasVacancyFor(2, [], { careModes: ['full_day'], ageMonths: 24 })).toBe(true)
    expect(hasVacancyFor(0, [], { careModes: [] })).toBe(false)
  })
})
