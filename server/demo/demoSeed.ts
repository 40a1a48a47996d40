import { Database } from '../platform/db/database'
import { ensureDemoHealthCentres } from './demoHealthCentres'
import { ensureDemoSlots } from './demoSlots'
import { ensureDemoStaffAccounts } from './demoAccounts'
import { ensureDemoVacancies } from './demoVacancies'

/**
 * First start on an empty database: fill it with the demo data (演示数据) so the app
 * has something to show. A database that has institutions is never re-seeded; only
 * the demo institutions' open days are topped up (they are dated from today).
 */
export async function seedIfEmpty(db: Database, log: (message: string) => void): Promise<void> {
  const existing = await db.query<{ n: number }>('select count(*)::int as n from institutions')
  if ((existing.rows[0]?.n ?? 0) > 0) {
    await addDemoSlots(db, log)
    return
  }
  const started = Date.now()
  // Loaded only when needed: the generator pulls in pinyin dictionaries that would
  // slow every later start.
  const { seedDemoData } = await import('./demoData')
  const result = await seedDemoData(db)
  log(`已生成演示数据：${result.districts} 个区县、${result.institutions} 家机构（${Date.now() - started} ms）`)
  await addDemoSlots(db, log)
}

/**
 * Demo institutions publish open days and visits relative to today, so every start tops
 * them up (seed/demoSlots.ts). A database without demo institutions gets none.
 */
async function addDemoSlots(db: Database, log: (message: string) => void): Promise<void> {
  const added = await ensureDemoSlots(db)
  if (added > 0) log(`已生成演示预约时段：${added} 个（未来 4 周）`)
  const accounts = await ensureDemoStaffAccounts(db)
  if (accounts > 0) log(`已生成演示账号：${accounts} 个（监管人员和机构人员，仅演示模式可登录）`)
  const vacancies = await ensureDemoVacancies(db)
  if (vacancies > 0) log(`已按托育方式和班级拆分演示机构的空位：${vacancies} 家`)
  const lectures = await ensureDemoHealthCentres(db)
  if (lectures > 0) log(`已生成妇幼保健机构的演示讲座：${lectures} 场（未来 4 周）`)
}
