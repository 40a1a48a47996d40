/**
 * "比全区中位数低 12%" for a parent: how a fee compares with the district median for
 * the same care mode. relativeToMedian is (fee − median) / median (FeeComparisonSchema).
 */
export function describeFeeComparison(relativeToMedian: number): string {
  const percent = Math.round(Math.abs(relativeToMedian) * 100)
  if (percent === 0) return '与全区中位数持平'
  return relativeToMedian < 0 ? `比全区中位数低 ${percent}%` : `比全区中位数高 ${percent}%`
}

export type FeeComparisonTone = 'lower' | 'higher' | 'same'

export function feeComparisonTone(relativeToMedian: number): FeeComparisonTone {
  const percent = Math.round(Math.abs(relativeToMedian) * 100)
  if (percent === 0) return 'same'
  return relativeToMedian < 0 ? 'lower' : 'higher'
}
