import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { checkContentFolder, ContentCheck } from '@server/features/content/library/checkContent'
import { formatContentCheck } from '@server/features/content/library/coverageReport'
import { repoPath, REPO_ROOT } from '@test/support/repoPaths'

const FIXTURES = repoPath('test', 'fixtures', 'content')
const GOOD = path.join(FIXTURES, 'good')
const ROOT = REPO_ROOT
/** Reviews are judged as of this day, so the fixtures do not fall due as the calendar moves. */
const TODAY = '2026-12-01'

const folders: string[] = []
afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })))
})

/** The good library with one broken fixture laid over it. */
async function brokenLibrary(kind: string): Promise<ContentCheck> {
  const folder = await mkdtemp(path.join(tmpdir(), `content-${kind}-`))
  folders.push(folder)
  await cp(GOOD, folder, { recursive: true })
  await cp(path.join(FIXTURES, 'broken', kind), folder, { recursive: true })
  return checkContentFolder(folder, { minArticles: 1, today: TODAY })
}

function messages(check: ContentCheck): string[] {
  return check.problems.map((p) => `${p.file}: ${p.message}`)
}

describe('the content build check', () => {
  it('passes a complete library and compiles its articles into blocks', async () => {
    const check = await checkContentFolder(GOOD, { minArticles: 2, today: TODAY })
    expect(messages(check)).toEqual([])
    expect(check.ok).toBe(true)
    const article = check.library.articles.find((a) => a.id === 'fixture-feeding-signals')!
    expect(article.blocks[0]).toEqual({ type: 'heading', level: 2, parts: [{ text: '饿了的信号' }] })
    expect(article.blocks[1]).toEqual({
      type: 'paragraph',
      parts: [{ text: '宝宝饿了会先咂嘴、把手放进嘴里、转头找奶。' }, { text: '哭是最晚的信号', strong: true }, { text: '。' }],
    })
    expect(article.blocks[2]).toEqual({ type: 'list', ordered: false, items: [[{ text: '早期：咂嘴、舔嘴唇' }], [{ text: '中期：伸懒腰、动来动去' }], [{ text: '晚期：哭闹' }]] })
    expect(article.blocks[3]).toEqual({
      type: 'paragraph',
      parts: [{ text: '孕期的准备见' }, { text: '孕中期的营养', articleId: 'fixture-mid-pregnancy-diet' }, { text: '。' }],
    })
    expect(article.reviewed).toBe('2026-11-20')
    expect(check.library.tips).toHaveLength(39 + 157)
  })

  it('fails an article whose sources list is empty', async () => {
    const check = await brokenLibrary('no-source')
    expect(check.ok).toBe(false)
    expect(messages(check)).toEqual(['articles/infant_0_6/fixture-feeding-signals.md: sources：每篇文章至少列出一个来源 sources'])
  })

  it('fails an article with no sources at all', async () => {
    const check = await brokenLibrary('missing-sources')
    expect(check.ok).toBe(false)
    expect(messages(check)[0]).toContain('articles/infant_0_6/fixture-feeding-signals.md: sources：')
  })

  it('fails when a week has no tip, naming the stage and week', async () => {
    const check = await brokenLibrary('tip-gap')
    expect(check.ok).toBe(false)
    expect(messages(check)).toEqual(['tips/toddler_1_2.md: 周龄 77 没有小提示（共 1 周）'])
    expect(check.report.weeksWithoutTip).toEqual([{ stage: 'toddler_1_2', phase: 'after_birth', week: 77 }])
  })

  it('fails an internal link to an article that does not exist', async () => {
    const check = await brokenLibrary('broken-link')
    expect(messages(check)).toEqual(['articles/infant_0_6/fixture-feeding-signals.md: 内部链接指向不存在的文章：article:fixture-no-such-article'])
  })

  it('fails front matter that does not parse', async () => {
    const check = await brokenLibrary('unparseable-front-matter')
    expect(check.ok).toBe(false)
    expect(messages(check)[0]).toMatch(/^articles\/infant_0_6\/fixture-feeding-signals\.md: 头部信息（front matter）无法解析/)
  })

  it('fails front matter that does not validate, one message per field', async () => {
    const check = await brokenLibrary('invalid-front-matter')
    expect(check.ok).toBe(false)
    const found = messages(check).join('\n')
    expect(found).toContain('topic：主题不正确')
  })

  it('fails two articles with one id', async () => {
    const check = await brokenLibrary('duplicate-id')
    expect(messages(check)).toEqual(['articles/infant_6_12/fixture-feeding-signals.md: id fixture-feeding-signals 重复（已在 articles/infant_0_6/fixture-feeding-signals.md 使用）'])
  })

  it('fails an id that differs from its file name', async () => {
    const check = await brokenLibrary('id-not-file-name')
    expect(messages(check)).toContain('articles/infant_0_6/fixture-feeding-signals.md: id fixture-feeding-cues 与文件名 fixture-feeding-signals.md 不一致')
  })

  it('fails an article citing a superseded document without saying so, naming what replaced it', async () => {
    const check = await brokenLibrary('superseded-source')
    expect(check.ok).toBe(false)
    expect(messages(check)).toEqual([
      'articles/infant_0_6/fixture-feeding-signals.md: 引用的《中国居民膳食指南（2016）》已被取代（见《中国居民膳食指南（2022）》），但没有说明：请同时引用《中国居民膳食指南（2022）》，或在这条来源下写 note 说明哪些内容已变',
    ])
  })

  it('fails a source that is not in the register of sources', async () => {
    const check = await brokenLibrary('unregistered-source')
    expect(messages(check)).toEqual([
      'articles/infant_0_6/fixture-feeding-signals.md: 来源《新手爸妈喂养宝典》不在来源登记 sources.md 里：请先登记这份文件（发布机构、日期、是否现行）',
    ])
  })

  it('fails a flagged fact that is still open', async () => {
    const check = await brokenLibrary('open-flag')
    expect(messages(check)).toEqual(['articles/infant_0_6/fixture-feeding-signals.md: 有待核对的事实还没有解决：母乳喂养到几个月'])
  })

  it('fails an overdue review and warns about one falling due within 30 days', async () => {
    const check = await brokenLibrary('overdue-review')
    expect(messages(check)).toEqual([
      'articles/infant_0_6/fixture-feeding-signals.md: 审核已过期：上次 2025-10-01 由安心托育内容编写组核对，应在 2026-10-01 前再次核对（依据文件可能已更新）',
    ])
    const soon = await checkContentFolder(GOOD, { minArticles: 2, today: '2027-11-01' })
    expect(soon.ok).toBe(true)
    expect(soon.warnings.map((w) => w.message)).toContain('2027-11-20 需要再次核对（上次 2026-11-20）')
  })

  it('counts one document once however its issuer is written (原卫生部 and 原国家卫生计生委)', async () => {
    const check = await checkContentFolder(path.join(ROOT, 'content'), { today: TODAY })
    const psych = check.report.sources.filter((s) => s.document.includes('儿童心理保健技术规范'))
    expect(psych).toHaveLength(1)
    expect(psych[0].document).toBe('原卫生部《儿童心理保健技术规范》')
    expect(check.report.sources.filter((s) => s.document.includes('国家基本公共卫生服务规范'))).toHaveLength(1)
  })

  it('fails a library below the minimum number of articles', async () => {
    const check = await checkContentFolder(GOOD, { minArticles: 120, today: TODAY })
    expect(messages(check)).toEqual(['articles/: 文章只有 2 篇，至少需要 120 篇'])
  })

  it('prints a coverage report with articles per stage and topic, tip gaps and sources', async () => {
    const text = formatContentCheck(await checkContentFolder(GOOD, { minArticles: 2, today: TODAY }))
    expect(text).toContain('== 各阶段、各主题的文章数 ==')
    expect(text).toMatch(/0–6 月\s+1\s+0/)
    expect(text).toContain('没有小提示的周：0（必须为 0）')
    expect(text).toContain('中国营养学会《中国居民膳食指南（2022）》')
    expect(text).toContain('内容检查通过')
  })

  it('exits 1 from `npm run content:check` on a broken library, naming the file', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'content-cli-'))
    folders.push(folder)
    await cp(GOOD, folder, { recursive: true })
    await cp(path.join(FIXTURES, 'broken', 'broken-link'), folder, { recursive: true })
    const run = promisify(execFile)
    const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx')
    await expect(run(tsx, ['scripts/content-check.ts', folder, '--min-articles', '2', '--today', TODAY], { cwd: ROOT })).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringContaining('fixture-feeding-signals.md: 内部链接指向不存在的文章'),
    })
    const passing = await run(tsx, ['scripts/content-check.ts', GOOD, '--min-articles', '2', '--today', TODAY], { cwd: ROOT })
    expect(passing.stdout).toContain('内容检查通过')
  })
})
