import { Queryable } from '@server/platform/db/database'
import { LiveSearchIndex } from '@server/features/find/searchIndex/liveSearchIndex'

/**
 * A database that answers like PGlite: each query's promise is already settled when
 * the work is done, so awaiting one query after another never reaches the event loop.
 */
function embeddedLikeDatabase(institutions: number): Queryable {
  const ids = Array.from({ length: institutions }, (_, i) => `inst-${String(i).padStart(6, '0')}`)
  const row = (id: string) => [id, `（演示数据）托育园${id}`, 'childcare_center', '渝北区', '500112', '龙溪街道', '渝北区龙溪街道1号', 29.6, 106.5, true, `F-${id}`, 'filed', 6, 36, 40, 10, 0, null, null, true, [], id]
  return {
    async query(sql: string, params?: unknown[]) {
      if (sql.includes('search_index_version')) return { rows: [{ version: 1 }] }
      const [after, limit] = params as [string | null, number]
      const chunk = ids.filter((id) => after === null || id > after).slice(0, limit)
      return { rows: [{ institutions: chunk.length > 0 ? chunk.map(row) : null, care_modes: null }] }
    },
  } as unknown as Queryable
}

describe('loading the in-memory search index', () => {
  it('lets requests in between its chunks instead of holding the event loop for the whole load', async () => {
    const index = new LiveSearchIndex(embeddedLikeDatabase(9_000), { info: () => undefined, error: () => undefined })
    let turns = 0
    let loaded = false
    const tick = () => {
      if (loaded) return
      turns++
      setImmediate(tick)
    }
    setImmediate(tick)
    await index.refresh()
    loaded = true
    expect(index.current()?.size).toBe(9_000)
    // 9,000 rows come in several chunks, each followed by a turn of the event loop.
    expect(turns).toBeGreaterThanOrEqual(4)
    await index.close()
  })
})
