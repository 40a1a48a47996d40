import matter from 'gray-matter'
import type { z } from 'zod'
import { SourceRegister, SourceRegisterSchema } from '@domain/contentSources'
import { CheckupTable, CheckupTableSchema, WeightGainTable, WeightGainTableSchema } from '@domain/guidanceTables'
import { ImmunisationSchedule, ImmunisationScheduleSchema } from '@domain/immunisation'
import { REGISTER_FILE, SCHEDULE_FILES, SourceFile } from './contentFiles'

/*
 * The library's data files besides articles and tips: the register of sources
 * (content/sources.md) and the dated tables (content/schedules/*.md), each a Markdown
 * file whose front matter is the data. Like the articles, a bad file is a problem with
 * its file name, never an exception.
 */

export interface GuidanceData {
  register: SourceRegister | null
  immunisation: ImmunisationSchedule | null
  checkups: CheckupTable | null
  weightGain: WeightGainTable | null
}

export interface DataProblem {
  file: string
  message: string
}

function parseData<T>(files: SourceFile[], file: string, schema: z.ZodType<T>, problems: DataProblem[]): T | null {
  const source = files.find((f) => f.file === file)
  if (!source) {
    problems.push({ file, message: '缺少这个文件' })
    return null
  }
  let data: unknown
  try {
    data = matter(source.text, {}).data
  } catch (error) {
    problems.push({ file, message: `头部信息（front matter）无法解析：${error instanceof Error ? error.message.split('\n')[0] : String(error)}` })
    return null
  }
  const result = schema.safeParse(data)
  if (!result.success) {
    for (const issue of result.error.issues) problems.push({ file, message: issue.path.length > 0 ? `${issue.path.join('.')}：${issue.message}` : issue.message })
    return null
  }
  return result.data
}

export function parseGuidanceData(files: SourceFile[], problems: DataProblem[]): GuidanceData {
  const data: GuidanceData = {
    register: parseData(files, REGISTER_FILE, SourceRegisterSchema, problems),
    immunisation: parseData(files, SCHEDULE_FILES.immunisation, ImmunisationScheduleSchema, problems),
    checkups: parseData(files, SCHEDULE_FILES.checkups, CheckupTableSchema, problems),
    weightGain: parseData(files, SCHEDULE_FILES.weightGain, WeightGainTableSchema, problems),
  }
  // every table names the document it comes from: that document must be registered
  if (data.register) {
    const ids = new Set(data.register.documents.map((d) => d.id))
    const cited: Array<[string, string]> = [
      ...(data.immunisation?.versions.map((v) => [SCHEDULE_FILES.immunisation, v.source] as [string, string]) ?? []),
      ...(data.checkups ? [[SCHEDULE_FILES.checkups, data.checkups.source] as [string, string]] : []),
      ...(data.weightGain ? [[SCHEDULE_FILES.weightGain, data.weightGain.source] as [string, string]] : []),
    ]
    for (const [file, id] of cited) if (!ids.has(id)) problems.push({ file, message: `来源 ${id} 不在来源登记 sources.md 里` })
  }
  return data
}
