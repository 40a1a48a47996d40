import { createHash } from 'node:crypto'
import { STAGE_IDS } from '@domain/content'
import { normaliseSearchText } from '@domain/search'
import { Database } from '@server/platform/db/database'
import { replaceLibrary, storedContentHash } from '../contentRepository'
import { IMMUNISATION_TABLE, replaceTables } from '../contentTablesRepository'
import { contentHash } from './contentFiles'

/*
 * Puts the 生命1000天 library into the database at start (server and test app), so every
 * server process reads the same content. A restart with an unchanged library costs one
 * hash of the files and one query: the compile is skipped while the stored hash matches.
 * The rewrite is one transaction under an advisory lock, so servers starting together
 * against one PostgreSQL compile once and readers never see half a library.
 */

export interface CompileResult {
  compiled: boolean
  hash: string
  articles: number
  tips: number
  /** Files the build check rejects; they are left out, the rest is served. */
  problems: string[]
}

/**
 * Four lines (listArticles ranks by them): the title with its pinyin and initials, the
 * summary the same way, the body, and the body's pinyin initials — so "fs" finds 辅食
 * and 发烧 by their titles first, and an article that is about 辅食 (and so says it
 * often) before one that mentions 翻身 once (issue 12).
 */
function articleSearchText(text: { build: (name: string, address: string, street: string) => string; initials: (text: string) => string }, title: string, summary: string, plainText: string): string {
  return [text.build(title, '', ''), text.build(summary, '', ''), normaliseSearchText(plainText), text.initials(plainText)].map((line) => line.replace(/\n/g, ' ')).join('\n')
}

/** Bumped when articleSearchText changes, so a stored library is compiled again. */
const SEARCH_TEXT_FORMAT = 'title|summary|body|body initials'

function withFormat(hash: string): string {
  return createHash('sha256').update(hash).update(SEARCH_TEXT_FORMAT).digest('hex')
}

export async function compileContent(db: Database, root: string, log: (message: string) => void = () => undefined): Promise<CompileResult> {
  const hash = withFormat(await contentHash(root))
  if ((await storedContentHash(db)) === hash) return { compiled: false, hash, articles: 0, tips: 0, problems: [] }

  // the parsers (gray-matter, markdown-it, pinyin) load only when there is something to compile
  const { loadContentLibrary } = await import('./contentLibrary')
  const { buildSearchText, initialsOf } = await import('@server/platform/text/searchText')
  const library = await loadContentLibrary(root)
  const problems = library.problems.map((p) => `${p.file}: ${p.message}`)
  if (problems.length > 0) log(`生命1000天内容有 ${problems.length} 个问题（运行 npm run content:check 查看），有问题的文件未载入`)
  const articles = [...library.articles]
    .sort((a, b) => STAGE_IDS.indexOf(a.stage) - STAGE_IDS.indexOf(b.stage) || a.file.localeCompare(b.file))
    .map((article, index) => ({ article, position: index + 1, searchText: articleSearchText({ build: buildSearchText, initials: initialsOf }, article.title, article.summary, article.plainText) }))
  const tips = library.tips.map(({ file: _file, documentIds: _ids, ...tip }) => tip)
  // the tables the app reads at run time, with their documents named as the register names them
  const { register, immunisation } = library.data
  const { documentName } = await import('./scheduleBlocks')
  const documentNames = Object.fromEntries((register?.documents ?? []).map((doc) => [doc.id, documentName(doc)]))
  const tables = immunisation ? { [IMMUNISATION_TABLE]: { schedule: immunisation, documentNames } } : {}

  const compiled = await db.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(hashtext('anxin_content'))`)
    // another server may have compiled this library while we waited for the lock
    if ((await storedContentHash(tx)) === withFormat(library.hash)) return false
    await replaceLibrary(tx, withFormat(library.hash), articles, tips)
    await replaceTables(tx, tables)
    return true
  })
  if (compiled) log(`已载入生命1000天内容：${articles.length} 篇文章、${tips.length} 条小提示`)
  return { compiled, hash: withFormat(library.hash), articles: articles.length, tips: tips.length, problems }
}
