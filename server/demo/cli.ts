import { parseArgs } from 'node:util'
import { seedDemoData } from './demoData'
import { calibratedTotal, DEFAULT_SEED } from './generator'
import { withDatabase } from '../withDatabase'

/*
 * npm run seed -- [--count N] [--seed S]
 * Writes demo data (演示数据) into the database of DATABASE_URL, or the embedded one in
 * DATA_DIR. Safe to repeat: the same options change nothing the second time.
 */

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { count: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  })
  if (values.help) {
    console.log(`用法 / usage: npm run seed -- [--count N] [--seed S]
  --count N  机构总数（默认 ${calibratedTotal()}：五个区县的校准数据；更大时其余分布到全国演示城市）
  --seed S   随机种子（默认 ${DEFAULT_SEED}；同一种子生成完全相同的数据）`)
    return
  }
  const count = values.count === undefined ? undefined : wholeNumber('--count', values.count)
  const seed = values.seed === undefined ? undefined : wholeNumber('--seed', values.seed)
  await withDatabase(async (db, description) => {
    const started = Date.now()
    const result = await seedDemoData(db, { count, seed })
    console.log(`已写入演示数据：${result.districts} 个区县、${result.institutions} 家机构（新增 ${result.changes.inserted}、更新 ${result.changes.updated}、未变 ${result.changes.unchanged}），用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒（${description}）`)
  })
}

function wholeNumber(flag: string, text: string): number {
  if (!/^\d+$/.test(text)) throw new Error(`${flag} 必须是非负整数，收到 "${text}"`)
  return Number(text)
}

main().catch((error: Error) => {
  console.error(error.message)
  process.exit(1)
})
