import type { ArticleBlock } from '@domain/content'
import type { RegisteredDocument, SourceRegister } from '@domain/contentSources'
import { describeMonths } from '@domain/age'
import { ImmunisationSchedule, ScheduledDose, ScheduleVersion } from '@domain/immunisation'
import { shanghaiDate } from '@domain/shanghaiTime'
import type { GuidanceData } from './guidanceData'

/*
 * The tables of content/schedules/ rendered into an article where its body holds a line
 * such as {{schedule immunisation 1-6}} (the months 1–6 of the table), {{schedule checkups}}
 * or {{schedule pregnancy-weight-gain}}. The article shows the data, not a copy of it:
 * change the table and every article showing it changes with the next compile.
 */

export const SCHEDULE_DIRECTIVE = /^\{\{\s*schedule\s+([a-z-]+)(?:\s+(\d+)-(\d+))?\s*\}\}$/

/** 国家疾控局《关于…的通知》: how the app names a document to a parent. */
export function documentName(doc: Pick<RegisteredDocument, 'issuer' | 'title' | 'number'>): string {
  return `${doc.issuer}《${doc.title}》${doc.number ? `（${doc.number}）` : ''}`
}

function chineseDate(isoDate: string): string {
  const d = shanghaiDate(isoDate)
  return `${d.year()}年${d.month() + 1}月${d.date()}日`
}

function ageLabel(months: number): string {
  return months === 0 ? '出生时' : describeMonths(months)
}

function text(value: string): ArticleBlock {
  return { type: 'paragraph', parts: [{ text: value }] }
}

function doseLines(doses: ScheduledDose[]): string[] {
  const byAge = new Map<number, ScheduledDose[]>()
  for (const dose of doses) byAge.set(dose.ageMonths, [...(byAge.get(dose.ageMonths) ?? []), dose])
  return [...byAge.entries()]
    .sort(([a], [b]) => a - b)
    .map(([age, list]) => `${ageLabel(age)}：${list.map((d) => `${d.vaccine}第${d.dose}剂${d.note ? `（${d.note}）` : ''}`).join('；')}`)
}

function documentOf(register: SourceRegister | null, id: string): string {
  const doc = register?.documents.find((d) => d.id === id)
  return doc ? documentName(doc) : id
}

/** The table as it stands now: for each series, the doses of the last version that sets it. */
function currentDoses(schedule: ImmunisationSchedule): Array<{ dose: ScheduledDose; version: ScheduleVersion }> {
  const latest = new Map<string, ScheduleVersion>()
  for (const version of schedule.versions) for (const dose of version.doses) latest.set(dose.series, version)
  return schedule.versions.flatMap((version) => version.doses.filter((d) => latest.get(d.series) === version).map((dose) => ({ dose, version })))
}

function immunisationBlocks(schedule: ImmunisationSchedule, register: SourceRegister | null, from: number, to: number): ArticleBlock[] {
  const inRange = (d: ScheduledDose) => d.ageMonths >= from && d.ageMonths <= to
  const current = currentDoses(schedule).filter(({ dose }) => inRange(dose))
  const blocks: ArticleBlock[] = [
    text(`现行的国家免疫规划程序（满多少个月打，${ageLabel(from)}到${ageLabel(to)}）：`),
    { type: 'list', ordered: false, items: doseLines(current.map((c) => c.dose)).map((line) => [{ text: line }]) },
  ]
  // each later version changed some series: say what the table was before and who follows which
  for (let i = 1; i < schedule.versions.length; i += 1) {
    const version = schedule.versions[i]
    const changed = new Set(version.doses.map((d) => d.series))
    const before = schedule.versions
      .slice(0, i)
      .reverse()
      .map((v) => v.doses.filter((d) => changed.has(d.series) && inRange(d)))
      .find((list) => list.length > 0)
    const after = version.doses.filter(inRange)
    const same = before && before.length === after.length && before.every((d, j) => d.ageMonths === after[j].ageMonths && d.vaccine === after[j].vaccine)
    if (!before || same) continue
    const names = [...changed].map((s) => schedule.series[s].name).join('、')
    const start = chineseDate(version.inForceFrom)
    // born on or after this day, every dose of the changed series falls due under the new table
    const earliestOldAge = Math.min(...schedule.versions[i - 1].doses.filter((d) => changed.has(d.series)).map((d) => d.ageMonths))
    const allNewFrom = chineseDate(shanghaiDate(version.inForceFrom).subtract(earliestOldAge, 'month').format('YYYY-MM-DD'))
    blocks.push(
      text(`${names}的程序自${start}起按${documentOf(register, version.source)}调整；在此以前的程序是：`),
      { type: 'list', ordered: false, items: doseLines(before).map((line) => [{ text: line }]) },
      text(
        `哪个程序适用于你的孩子：每一剂按它到期那天有效的程序。${allNewFrom}及以后出生的孩子，${names}每一剂都按新程序；更早出生的孩子，${start}以前已经到期的剂次按原程序，以后的剂次按新程序。`,
      ),
    )
    if (version.transition) blocks.push(text(version.transition))
  }
  const sources = [...new Set(schedule.versions.map((v) => v.source))].map((id) => documentOf(register, id))
  blocks.push(text(`依据：${sources.join('；')}。生命1000天首页会按孩子的出生日期列出本月该打的疫苗。`))
  return blocks
}

function checkupBlocks(data: NonNullable<GuidanceData['checkups']>, register: SourceRegister | null): ArticleBlock[] {
  return [
    { type: 'list', ordered: false, items: data.visits.map((v) => [{ text: `${ageLabel(v.ageMonths)}：${v.label}` }]) },
    text(`依据：${documentOf(register, data.source)}，${data.clause}。`),
  ]
}

function weightGainBlocks(data: NonNullable<GuidanceData['weightGain']>, register: SourceRegister | null): ArticleBlock[] {
  const kg = (n: number) => (Number.isInteger(n) ? `${n}.0` : String(n))
  return [
    { type: 'list', ordered: false, items: data.groups.map((g) => [{ text: `孕前${g.label}（${g.bmi}）：整个孕期长${kg(g.gainKg[0])}～${kg(g.gainKg[1])}千克` }]) },
    text(`依据：${documentOf(register, data.source)}，${data.clause}。`),
  ]
}

/** The blocks for one directive, or a problem when it names no table or the table failed its check. */
export function scheduleDirectiveBlocks(line: string, data: GuidanceData): { blocks: ArticleBlock[] } | { problem: string } {
  const match = SCHEDULE_DIRECTIVE.exec(line.trim())
  if (!match) return { problem: `表格指令写法不对：${line}（应为 {{schedule immunisation 0-6}}、{{schedule checkups}} 或 {{schedule pregnancy-weight-gain}}）` }
  const [, name, from, to] = match
  if (name === 'immunisation') {
    if (!data.immunisation) return { problem: '免疫程序表没有通过检查，无法插入' }
    return { blocks: immunisationBlocks(data.immunisation, data.register, from ? Number(from) : 0, to ? Number(to) : 72) }
  }
  if (name === 'checkups') return data.checkups ? { blocks: checkupBlocks(data.checkups, data.register) } : { problem: '体检时间表没有通过检查，无法插入' }
  if (name === 'pregnancy-weight-gain') return data.weightGain ? { blocks: weightGainBlocks(data.weightGain, data.register) } : { problem: '孕期增重表没有通过检查，无法插入' }
  return { problem: `没有名为 ${name} 的表格` }
}

/** Replaces every paragraph that is a directive with the table's blocks. */
export function expandScheduleDirectives(blocks: ArticleBlock[], data: GuidanceData): { blocks: ArticleBlock[]; problems: string[]; tables: string[] } {
  const out: ArticleBlock[] = []
  const problems: string[] = []
  const tables: string[] = []
  for (const block of blocks) {
    const line = block.type === 'paragraph' ? block.parts.map((p) => p.text).join('') : ''
    if (block.type !== 'paragraph' || !line.trim().startsWith('{{')) {
      out.push(block)
      continue
    }
    const expanded = scheduleDirectiveBlocks(line, data)
    if ('problem' in expanded) problems.push(expanded.problem)
    else {
      out.push(...expanded.blocks)
      tables.push(SCHEDULE_DIRECTIVE.exec(line.trim())![1])
    }
  }
  return { blocks: out, problems, tables }
}
