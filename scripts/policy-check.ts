/*
 * npm run policy:check [-- FOLDER] [--today YYYY-MM-DD]
 * Checks the 托育政策 library (default: content/ at the repository root, its policies/
 * folder), prints every policy with its sources, and exits 1 when the check fails.
 */
import path from 'node:path'
import { todayInShanghai } from '../src/domain/shanghaiTime'
import { checkPolicyFolder, formatPolicyCheck } from '../server/features/policy/library/checkPolicies'

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const todayIndex = args.indexOf('--today')
  const today = todayIndex >= 0 ? args.splice(todayIndex, 2)[1] : todayInShanghai()
  const folder = path.resolve(args[0] ?? path.join(__dirname, '..', 'content'))
  const check = await checkPolicyFolder(folder, today)
  console.log(formatPolicyCheck(check))
  process.exitCode = check.ok ? 0 : 1
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
