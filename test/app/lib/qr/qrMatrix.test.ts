import { darkRuns, qrMatrix } from '@app/lib/qr/qrMatrix'

describe('the booking code QR', () => {
  const matrix = qrMatrix('K7M2QX')

  it('is a square of the smallest version that fits a short code', () => {
    expect(matrix).toHaveLength(21)
    expect(matrix.every((row) => row.length === 21)).toBe(true)
  })

  it('has the three finder patterns in its corners', () => {
    const finderRow = [true, true, true, true, true, true, true]
    expect(matrix[0].slice(0, 7)).toEqual(finderRow)
    expect(matrix[0].slice(14)).toEqual(finderRow)
    expect(matrix[20].slice(0, 7)).toEqual(finderRow)
    expect(matrix[1].slice(0, 7)).toEqual([true, false, false, false, false, false, true])
  })

  it('draws each row as runs of dark modules that cover exactly the dark ones', () => {
    for (const row of matrix) {
      const drawn = new Array(row.length).fill(false)
      for (const run of darkRuns(row)) for (let i = run.start; i < run.start + run.length; i++) drawn[i] = true
      expect(drawn).toEqual(row)
    }
    expect(darkRuns([true, true, false, true])).toEqual([
      { start: 0, length: 2 },
      { start: 3, length: 1 },
    ])
  })
})
