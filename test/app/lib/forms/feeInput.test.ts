import { parseAgeMonths, parseMaxFeeYuan } from '@app/lib/forms/feeInput'

describe('parseMaxFeeYuan (the 最多付 box)', () => {
  it('turns yuan into integer fen', () => {
    expect(parseMaxFeeYuan('3000')).toEqual({ ok: true, fen: 300000 })
    expect(parseMaxFeeYuan(' 45.5 ')).toEqual({ ok: true, fen: 4550 })
    expect(parseMaxFeeYuan('0.01')).toEqual({ ok: true, fen: 1 })
  })

  it('reads an empty box as no limit', () => {
    expect(parseMaxFeeYuan('')).toEqual({ ok: true, fen: undefined })
  })

  it('rejects negative, non-numeric and sub-fen amounts with a message', () => {
    for (const text of ['-1', 'abc', '12.345', '1e3']) {
      const parsed = parseMaxFeeYuan(text)
      expect(parsed.ok).toBe(false)
    }
  })
})

describe('parseAgeMonths (the 孩子月龄 box)', () => {
  it('accepts whole months from 0 to 72', () => {
    expect(parseAgeMonths('0')).toEqual({ ok: true, months: 0 })
    expect(parseAgeMonths('18')).toEqual({ ok: true, months: 18 })
    expect(parseAgeMonths('')).toEqual({ ok: true, months: undefined })
  })

  it('rejects fractions and ages beyond 72 months', () => {
    expect(parseAgeMonths('1.5').ok).toBe(false)
    expect(parseAgeMonths('73').ok).toBe(false)
  })
})
