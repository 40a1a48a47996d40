import fs from 'node:fs'
import { repoPath } from './repoPaths'

/**
 * A filing list of `rows` rows for the import's speed bar (issue 9: 10,000 rows with some
 * bad ones, dry run under 10 s): the Yubei sample's first row again and again, each with
 * its own filing number and name; every `badEvery`th row has no name. badLines are the
 * file's lines (the header is line 1) that must be refused.
 */
export function bigFilingList(rows: number, badEvery: number): { csv: string; badLines: number[] } {
  const sample = fs.readFileSync(repoPath('test', 'fixtures', 'filing-lists', 'yubei-sample.csv'), 'utf8')
  const [header, first] = sample.split('\n')
  const cells = first.split(',')
  const lines = [header]
  const badLines: number[] = []
  for (let i = 0; i < rows; i++) {
    const row = [...cells]
    row[0] = `大表备〔2024〕${String(i).padStart(5, '0')}号`
    row[1] = i % badEvery === badEvery - 1 ? '' : `（测试数据）渝北区样例托育园${i}`
    if (row[1] === '') badLines.push(i + 2)
    lines.push(row.join(','))
  }
  return { csv: lines.join('\n'), badLines }
}
