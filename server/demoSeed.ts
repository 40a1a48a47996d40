import { Database } from './db/database'

/**
 * First start on an empty database: fill it with the demo data (演示数据) so the app
 * has something to show. A database that has institutions is never touched.
 */
export async function seedIfEmpty(db: Database, log: (message: string) => void): Promise<void> {
  const existing = await db.query<{ n: number }>('select count(*)::int as n from institutions')
  if ((existing.rows[0]?.n ?? 0) > 0) return
  const started = Date.now()
  // Loaded only when needed: the generator pulls in pinyin dictionaries that would
  // slow every later start.
  const { seedDemoData } = await import('./seed/demoData')
  const result = await seedDemoData(db)
  log(`已生成演示数据：${result.districts} 个区县、${result.institutions} 家机构（${Date.now() - started} ms）`)
}
