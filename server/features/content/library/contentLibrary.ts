import path from 'node:path'
import matter from 'gray-matter'
import type { z } from 'zod'
import { Article, ArticleFrontMatterSchema, STAGE_IDS, StageId, Tip, TipFileSchema } from '@domain/content'
import { ArticleTrail, checkArticleTrail, checkTipSource } from './citationChecks'
import { hashContent, markdownFiles, readGuidanceFiles, readSources, SourceFile } from './contentFiles'
import { GuidanceData, parseGuidanceData } from './guidanceData'
import { blocksText, parseArticleBody } from './markdownBlocks'
import { expandScheduleDirectives } from './scheduleBlocks'

/*
 * Reads the 生命1000天 library (content/articles/<stage>/<id>.md, content/tips/<stage>.md),
 * validates every file with the domain schemas and compiles the articles' Markdown into
 * blocks. It never throws on a bad file: each problem is collected with the file it is in,
 * so the build check can list them all at once and the server can refuse to load them.
 */

export interface CompiledArticle extends Article {
  /** Path relative to the library root, with forward slashes. */
  file: string
  /** Documents cited (register ids), review trail, next review date, flags. */
  trail: ArticleTrail
  /** Tables of content/schedules/ shown in the body ({{schedule …}}). */
  tables: string[]
  /** Title, summary and body as plain text, for search. */
  plainText: string
  linkedIds: string[]
  textLength: number
}

export interface CompiledTip extends Tip {
  file: string
  /** Register ids of the documents its source line names. */
  documentIds: string[]
}

export interface ContentProblem {
  file: string
  message: string
}

export interface ContentLibrary {
  articles: CompiledArticle[]
  tips: CompiledTip[]
  problems: ContentProblem[]
  /** Files found, whatever their state (a missing tips file is a coverage gap, not a problem here). */
  tipFiles: StageId[]
  /** The register of sources and the dated tables (null where a file failed its check). */
  data: GuidanceData
  /** sha256 of every file's path and bytes, and of the compiler version. */
  hash: string
}

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}：${issue.message}` : issue.message))
}

/** Front matter through gray-matter (js-yaml); a YAML error becomes a problem, not an exception. */
function frontMatter(source: SourceFile, problems: ContentProblem[]): { data: unknown; body: string } | null {
  try {
    // an options object turns off gray-matter's cache, which would hand back a stale parse
    const parsed = matter(source.text, {})
    if (!source.text.startsWith('---')) {
      problems.push({ file: source.file, message: '缺少头部信息（front matter）：文件应以 --- 开头' })
      return null
    }
    return { data: parsed.data, body: parsed.content }
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    problems.push({ file: source.file, message: `头部信息（front matter）无法解析：${reason}` })
    return null
  }
}

function compileArticle(source: SourceFile, data: GuidanceData, problems: ContentProblem[]): CompiledArticle | null {
  const parsed = frontMatter(source, problems)
  if (!parsed) return null
  const result = ArticleFrontMatterSchema.safeParse(parsed.data)
  if (!result.success) {
    for (const message of describeIssues(result.error)) problems.push({ file: source.file, message })
    return null
  }
  const meta = result.data
  const [folder, fileName] = source.file.split('/').slice(1)
  if (fileName === undefined) problems.push({ file: source.file, message: '文章应放在 articles/<阶段>/ 文件夹里' })
  else if (folder !== meta.stage) problems.push({ file: source.file, message: `文章的阶段 ${meta.stage} 与所在文件夹 ${folder} 不一致` })
  if (path.basename(source.file, '.md') !== meta.id) {
    problems.push({ file: source.file, message: `id ${meta.id} 与文件名 ${path.basename(source.file)} 不一致` })
  }
  const body = parseArticleBody(parsed.body)
  for (const message of body.problems) problems.push({ file: source.file, message })
  if (body.blocks.length === 0) problems.push({ file: source.file, message: '正文是空的' })
  const expanded = expandScheduleDirectives(body.blocks, data)
  const checks: string[] = [...expanded.problems]
  const trail = checkArticleTrail(meta, data.register, checks)
  for (const message of checks) problems.push({ file: source.file, message })
  return {
    id: meta.id,
    title: meta.title,
    stage: meta.stage,
    topic: meta.topic,
    summary: meta.summary,
    pregnancyWeeks: meta.pregnancyWeeks ?? null,
    ageMonths: meta.ageMonths ?? null,
    blocks: expanded.blocks,
    sources: meta.sources,
    reviewed: meta.reviews[meta.reviews.length - 1].on,
    file: source.file,
    trail,
    tables: expanded.tables,
    plainText: [meta.title, meta.summary, blocksText(expanded.blocks)].join('\n'),
    linkedIds: body.linkedIds,
    textLength: body.textLength,
  }
}

function compileTips(source: SourceFile, data: GuidanceData, problems: ContentProblem[]): { stage: StageId; tips: CompiledTip[] } | null {
  const parsed = frontMatter(source, problems)
  if (!parsed) return null
  const result = TipFileSchema.safeParse(parsed.data)
  if (!result.success) {
    for (const message of describeIssues(result.error)) problems.push({ file: source.file, message })
    return null
  }
  const { stage, tips } = result.data
  if (source.file !== `tips/${stage}.md`) problems.push({ file: source.file, message: `小提示文件应命名为 tips/${stage}.md` })
  return {
    stage,
    tips: tips.map((tip, index) => {
      const cited = checkTipSource(tip.source, data.register)
      for (const message of cited.problems) problems.push({ file: source.file, message: `第 ${index + 1} 条小提示：${message}` })
      return {
      stage,
      pregnancyWeek: tip.pregnancyWeek ?? null,
      ageWeek: tip.ageWeek ?? null,
      text: tip.text,
      source: tip.source,
      file: source.file,
      documentIds: cited.documentIds,
      }
    }),
  }
}

export async function loadContentLibrary(root: string): Promise<ContentLibrary> {
  const articleSources = await readSources(root, await markdownFiles(root, 'articles'))
  const tipSources = await readSources(root, await markdownFiles(root, 'tips'))
  const dataSources = await readGuidanceFiles(root)
  const problems: ContentProblem[] = []
  const data = parseGuidanceData(dataSources, problems)

  const articles: CompiledArticle[] = []
  const seen = new Map<string, string>()
  for (const source of articleSources) {
    const article = compileArticle(source, data, problems)
    if (!article) continue
    const first = seen.get(article.id)
    if (first) {
      problems.push({ file: source.file, message: `id ${article.id} 重复（已在 ${first} 使用）` })
      continue
    }
    seen.set(article.id, source.file)
    articles.push(article)
  }
  // a link to an article that exists but failed its own checks is that article's problem, not a broken link
  const fileIds = new Set(articleSources.map((source) => path.basename(source.file, '.md')))
  for (const article of articles) {
    for (const target of article.linkedIds) {
      if (!seen.has(target) && !fileIds.has(target)) problems.push({ file: article.file, message: `内部链接指向不存在的文章：article:${target}` })
    }
  }

  const tips: CompiledTip[] = []
  const tipFiles: StageId[] = []
  for (const source of tipSources) {
    const compiled = compileTips(source, data, problems)
    if (!compiled) continue
    if (tipFiles.includes(compiled.stage)) {
      problems.push({ file: source.file, message: `阶段 ${compiled.stage} 的小提示文件重复` })
      continue
    }
    tipFiles.push(compiled.stage)
    tips.push(...compiled.tips)
  }
  tipFiles.sort((a, b) => STAGE_IDS.indexOf(a) - STAGE_IDS.indexOf(b))

  return { articles, tips, problems, tipFiles, data, hash: hashContent([...articleSources, ...tipSources, ...dataSources]) }
}
