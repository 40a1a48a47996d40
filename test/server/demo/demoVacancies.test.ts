import { bandsWithin } from '@domain/vacancies'
import { splitDemoVacancies } from '@server/demo/demoVacancies'

describe('demo vacancies per care mode and age band', () => {
  it('splits the total over the modes offered and the bands taken, always adding up to it', () => {
    for (let n = 0; n < 200; n++) {
      const input = { id: `demo-${n}`, total: n % 17, modes: n % 2 ? (['full_day', 'hourly'] as const) : (['full_day', 'half_day', 'temporary'] as const), minMonths: n % 3 === 0 ? 24 : 6, maxMonths: 36 }
      const { cells, confirmedDaysAgo } = splitDemoVacancies({ ...input, modes: [...input.modes] })
      expect(cells.reduce((sum, cell) => sum + cell.vacancies, 0)).toBe(input.total)
      expect(cells.every((cell) => input.modes.includes(cell.careMode as never) && bandsWithin(input).includes(cell.ageBand))).toBe(true)
      expect(confirmedDaysAgo).toBeGreaterThanOrEqual(0)
    }
  })

  it('gives the same institution the same split every time', () => {
    const input = { id: 'demo-x', total: 9, modes: ['full_day' as const, 'half_day' as const], minMonths: 12, maxMonths: 36 }
    expect(splitDemoVacancies(input)).toEqual(splitDemoVacancies(input))
  })
})
