import fs from 'node:fs'
import { parseArgs } from 'node:util'
import { DistrictRecord } from '@domain/district'
import { todayInShanghai } from '@domain/shanghaiTime'
import { Database } from '@server/platform/db/database'
import { upsertDistricts, upsertInstitutionsIn } from '../institutionWriter'
import { importFeeTerms } from '../../fees/feeTerms'
import { analyzeInstitutionTables } from '../plannerStatistics'
import { SEED_DISTRICTS, toDistrictRecord } from '../districtCatalog'
import { FilingCsvError, FilingCsvResult, parseFilingCsv } from './filingCsv'
import { withDatabase } from '@server/withDatabase'

/*
 * npm run import -- FILE.csv [--dry-run]
 * Reads an official filing list (docs/filing-list-csv.md), prints what it accepted and
 * every rejected row with its line number and reason, and upserts the accepted rows
 * by filing number in one transaction. --dry-run checks the file and writes nothing.
 */

export interface ImportReport {
  file: string
  dryRun: boolean
  result: FilingCsvResult
  changes?: { inserted: number; updated: number; unchanged: number }
}

/** Checks and (unless dryRun) writes one filing list. Exported for tests. */
export async function importFilingList(db: Database, bytes: Uint8Array, options: { dryRun: boolean; today?: string }) {
  const districts = await knownDistricts(db)
  const result = parseFilingCsv(bytes, { districts, today: options.today ?? todayInShanghai() })
  if (options.dryRun || result.accepted.length === 0) return { result }
  const used = new Set(result.accepted.map((r) => r.districtCode))
  const changes = await db.transaction(async (tx) => {
    // A district the list names may not be stored yet (a fresh PostgreSQL database).
    await upsertDistricts(
      tx,
      districts.filter((d) => used.has(d.code)),
    )
    // A list carries no inspections, rectification notices or ratings: keep the stored ones.
    const counts = await upsertInstitutionsIn(tx, result.accepted, { scope: 'filing_fields' })
    // Fee and refund terms, where the list carries them (staff may change them later).
    for (const { institutionId, terms } of result.feeTerms) await importFeeTerms(tx, institutionId, terms)
    return counts
  })
  if (changes.inserted > 0 || changes.updated > 0) await analyzeInstitutionTables(db)
  return { result, changes }
}

/** Districts already stored, plus the five the product ships with. */
export async function knownDistricts(db: Database): Promise<DistrictRecord[]> {
  const stored = await db.query<{ code: string; name: string; province: string; city: string; center_lat: number; center_lng: number }>(
    'select code, name, province, city, center_lat, center_lng from districts',
  )
  const byCode = new Map<string, DistrictRecord>(SEED_DISTRICTS.map((d) => [d.code, toDistrictRecord(d)]))
  for (const d of stored.rows) {
    byCode.set(d.code, { code: d.code, name: d.name, province: d.province, city: d.city, center: { lat: d.center_lat, lng: d.center_lng } })
  }
  return [...byCode.values()]
}

export function formatReport(report: ImportReport): string {
  const { result } = report
  const lines = [
    `文件：${report.file}（编码 ${result.encoding === 'gbk' ? 'GBK' : 'UTF-8'}）`,
    `通过校验：${result.accepted.length} 行；未通过：${result.rejected.length} 行`,
  ]
  for (const row of result.rejected) lines.push(`  第 ${row.line} 行：${row.reason}`)
  if (report.dryRun) lines.push('试运行（--dry-run）：没有写入数据库')
  else if (report.changes) {
    const c = report.changes
    lines.push(`已写入：新增 ${c.inserted}、更新 ${c.updated}、未变 ${c.unchanged}`)
  } else lines.push('没有可写入的行')
  return lines.join('\n')
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  })
  if (values.help || positionals.length !== 1) {
    console.log('用法 / usage: npm run import -- FILE.csv [--dry-run]\n  表头与各列格式见 docs/filing-list-csv.md')
    process.exitCode = values.help ? 0 : 2
    return
  }
  const file = positionals[0]
  const bytes = fs.readFileSync(file)
  const dryRun = values['dry-run'] === true
  await withDatabase(async (db) => {
    const { result, changes } = await importFilingList(db, bytes, { dryRun })
    console.log(formatReport({ file, dryRun, result, changes }))
    // Rejected rows are worth a non-zero exit in scripts, but the good rows were imported.
    if (result.rejected.length > 0) process.exitCode = 1
  })
}

if (require.main === module) {
  main().catch((error: Error) => {
    console.error(error instanceof FilingCsvError ? `无法导入：${error.message}` : error.message)
    process.exit(1)
  })
}
