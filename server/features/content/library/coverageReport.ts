import { STAGE_NAMES, STAGES, TOPIC_IDS, TOPIC_NAMES } from '@domain/content'
import type { ContentCheck } from './checkContent'
import { compactWeeks } from './checkContent'

/*
 * The text `npm run content:check` prints: problems first (what fails the check), then
 * the coverage report the issue asks to be measured — articles per stage and topic,
 * weeks without a tip, sources cited — and the minimums.
 */

/** Display width: CJK characters take two columns in a terminal. */
function width(text: string): number {
  let columns = 0
  for (const ch of text) columns += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1
  return columns
}

function pad(text: string, columns: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, columns - width(text)))
  return right ? fill + text : text + fill
}

/** Numbers right-aligned, text left-aligned. */
function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))))
  const numeric = header.map((_, i) => rows.every((r) => /^\d+$/.test(r[i])))
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i], numeric[i])).join('  ').trimEnd()
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)]
}

export function formatContentCheck(check: ContentCheck): string {
  const { report } = check
  const out: string[] = []

  if (check.problems.length > 0) {
    out.push(`内容检查未通过：${check.problems.length} 个问题`)
    for (const p of check.problems) out.push(`  ✗ ${p.file}: ${p.message}`)
    out.push('')
  }

  out.push('== 各阶段、各主题的文章数 ==')
  const topicTotals = TOPIC_IDS.map((topic) => STAGES.reduce((sum, s) => sum + report.articlesByStageAndTopic[s.id][topic], 0))
  const rows = STAGES.map((stage) => {
    const counts = TOPIC_IDS.map((topic) => report.articlesByStageAndTopic[stage.id][topic])
    return [STAGE_NAMES[stage.id], ...counts.map(String), String(counts.reduce((a, b) => a + b, 0))]
  })
  rows.push(['合计', ...topicTotals.map(String), String(report.articleCount)])
  out.push(...table(['阶段', ...TOPIC_IDS.map((t) => TOPIC_NAMES[t]), '合计'], rows))
  out.push('')

  out.push('== 小提示 ==')
  out.push(`小提示共 ${report.tipCount} 条；没有小提示的周：${report.weeksWithoutTip.length}（必须为 0）`)
  for (const stage of STAGES) {
    const weeks = report.weeksWithoutTip.filter((g) => g.stage === stage.id).map((g) => g.week)
    if (weeks.length > 0) out.push(`  ${STAGE_NAMES[stage.id]}：${stage.phase === 'pregnancy' ? '孕周' : '周龄'} ${compactWeeks(weeks)}`)
  }
  out.push('')

  out.push(`== 引用的来源文件（${report.sources.length} 份，按引用次数） ==`)
  out.push(...table(['文章', '小提示', '来源'], report.sources.map((s) => [String(s.articles), String(s.tips), s.document])))
  out.push('')

  out.push('== 达标情况 ==')
  out.push(`${report.articleCount >= report.minArticles ? '✓' : '✗'} 文章 ${report.articleCount} 篇（至少 ${report.minArticles} 篇）`)
  out.push(`${report.weeksWithoutTip.length === 0 ? '✓' : '✗'} 孕 4 周到 3 岁每周都有小提示（缺 ${report.weeksWithoutTip.length} 周）`)
  if (check.warnings.length > 0) {
    out.push(`! ${check.warnings.length} 篇文章的正文长度不在建议范围内：`)
    for (const w of check.warnings) out.push(`    ${w.file}: ${w.message}`)
  }
  out.push(check.ok ? '内容检查通过' : `内容检查未通过（${check.problems.length} 个问题，见上方）`)
  return out.join('\n')
}
