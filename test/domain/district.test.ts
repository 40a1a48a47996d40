import { medianFen } from '@domain/district'

describe('medianFen', () => {
  it('is the middle value of an odd list and the rounded mean of the middle two of an even one', () => {
    expect(medianFen([300000, 150000, 680000])).toBe(300000)
    expect(medianFen([150000, 300001, 300000, 680000])).toBe(300001)
    expect(medianFen([])).toBeNull()
  })
})
