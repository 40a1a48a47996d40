import { ApiError } from '@server/platform/http/apiError'
import { cursorTimeSql, dateAndIdCursor, pageFromRows, timeAndIdCursor } from '@server/platform/http/paging'

const encode = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url')

function refused(decode: () => unknown): boolean {
  try {
    decode()
    return false
  } catch (error) {
    return error instanceof ApiError && error.code === 'VALIDATION'
  }
}

describe('the time-and-id cursor', () => {
  it('carries a microsecond instant and an id back unchanged', () => {
    const position = { at: '2026-11-22T08:00:00.123456Z', id: 'b-1' }
    expect(timeAndIdCursor.decode(timeAndIdCursor.encode(position))).toEqual(position)
  })

  it('refuses instants PostgreSQL would choke on or this server never writes, with a 400', () => {
    for (const at of ['2026-02-30T08:00:00.000000Z', '2026-11-22T99:00:00.000000Z', '0000-01-01T00:00:00.000000Z', '2026-11-22T08:00:00.123Z', '2026-11-22 08:00:00']) {
      expect(refused(() => timeAndIdCursor.decode(encode({ at, id: 'x' })))).toBe(true)
    }
    expect(refused(() => timeAndIdCursor.decode(encode({ day: '2026-11-22', id: 'x' })))).toBe(true)
    expect(refused(() => timeAndIdCursor.decode(encode({ at: '2026-11-22T08:00:00.000001Z', id: '' })))).toBe(true)
  })

  it('is written by the SQL the lists select it with', () => {
    expect(cursorTimeSql('v.claimed_at')).toBe(`to_char(v.claimed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`)
  })
})

describe('the date-and-id cursor', () => {
  it('takes only real calendar days', () => {
    expect(dateAndIdCursor.decode(dateAndIdCursor.encode({ day: '2028-02-29', id: 'b' }))).toEqual({ day: '2028-02-29', id: 'b' })
    expect(refused(() => dateAndIdCursor.decode(encode({ day: '2027-02-29', id: 'b' })))).toBe(true)
    expect(refused(() => dateAndIdCursor.decode(encode({ o: 3 })))).toBe(true)
  })
})

describe('pageFromRows', () => {
  const rows = [1, 2, 3, 4].map((n) => ({ id: `r${n}`, at: `2026-11-22T08:00:00.00000${n}Z` }))

  it('keeps the extra row out of the page and names where the page ended', () => {
    const page = pageFromRows(rows, 3, (r) => r.id, (r) => ({ at: r.at, id: r.id }), timeAndIdCursor)
    expect(page.items).toEqual(['r1', 'r2', 'r3'])
    expect(timeAndIdCursor.decode(page.nextCursor!)).toEqual({ at: rows[2].at, id: 'r3' })
  })

  it('ends the list when no extra row came back', () => {
    expect(pageFromRows(rows.slice(0, 3), 3, (r) => r.id, (r) => ({ at: r.at, id: r.id }), timeAndIdCursor).nextCursor).toBeNull()
  })
})
