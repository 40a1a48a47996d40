/*
 * npm run content:check [-- FOLDER] [--min-articles N] [--today YYYY-MM-DD]
 * Checks the 生命1000天 library (default: content/ at the repository root), prints the
 * coverage report, and exits 1 when the check fails — so a broken library fails the build.
 */
import path from 'node:path'
import { checkContentFolder } from '../server/features/content/library/checkContent'
import { formatContentCheck } from '../server/features/content/library/coverageReport'
import { isValidIsoDate } from '../src/domain/shanghaiTime'

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const minIndex = args.indexOf('--min-articles')
  const minArticles = minIndex >= 0 ? Number(args.splice(minIndex, 2)[1]) : undefined
  if (minArticles !== undefined && !Number.isInteger(minArticles)) throw new Error('--min-articles 需要一个整数')
  // reviews are judged on this day (default today): lets a fixed library be checked as of a date
  const todayIndex = args.indexOf('--today')
  const today = todayIndex >= 0 ? args.splice(todayIndex, 2)[1] : undefined
  if (today !== undefined && !isValidIsoDate(today)) throw new Error('--today 需要 YYYY-MM-DD 格式的日期')
  const folder = path.resolve(args[0] ?? path.join(__dirname, '..', 'content'))
  const check = await checkContentFolder(folder, { minArticles, today })
  console.log(formatContentCheck(check))
  process.exitCode = check.ok ? 0 : 1
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
