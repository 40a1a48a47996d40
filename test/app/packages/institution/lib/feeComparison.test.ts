import { describeFeeComparison, feeComparisonTone } from '@app/packages/institution/lib/feeComparison'

describe('describeFeeComparison', () => {
  it('says how much cheaper a fee is than the district median', () => {
    expect(describeFeeComparison(-0.12)).toBe('比全区中位数低 12%')
    expect(feeComparisonTone(-0.12)).toBe('lower')
  })

  it('says how much dearer a fee is than the district median', () => {
    expect(describeFeeComparison(0.084)).toBe('比全区中位数高 8%')
    expect(feeComparisonTone(0.084)).toBe('higher')
  })

  it('calls a difference that rounds to 0% level with the median', () => {
    expect(describeFeeComparison(0.004)).toBe('与全区中位数持平')
    expect(describeFeeComparison(-0.004)).toBe('与全区中位数持平')
    expect(feeComparisonTone(0)).toBe('same')
  })
})
