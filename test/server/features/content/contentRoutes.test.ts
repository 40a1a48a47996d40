import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import { ArticlePageSchema, ArticleSchema, StagesOverviewSchema, TodaySchema } from '@domain/content'
import { ErrorBodySchema } from '@domain/errors'
import { todayInShanghai } from '@domain/shanghaiTime'
import { compileContent } from '@server/features/content/library/compileContent'
import { openTestApp, TestApp } from '@test/support/app'
import { TEST_BACKENDS } from '@test/support/database'
import { requestJson } from '@test/support/session'
import { repoPath } from '@test/support/repoPaths'

dayjs.extend(utc)

const GOOD = repoPath('test', 'fixtures', 'content', 'good')

function daysFromToday(days: number): string {
  return dayjs.utc(todayInShanghai()).add(days, 'day').format('YYYY-MM-DD')
}

describe.each(TEST_BACKENDS)('生命1000天 content routes on %s', (backend) => {
  let t: TestApp
  beforeAll(async () => {
    t = await openTestApp(backend, { content: GOOD })
  })
  afterAll(async () => {
    await t.close()
  })

  const get = (url: string) => requestJson(t.app, 'GET', url)

  async function expectValidation(url: string, field: string, message?: string | RegExp) {
    const answer = await get(url)
    expect(answer.status).toBe(400)
    const body = ErrorBodySchema.parse(answer.body)
    expect(body.error.code).toBe('VALIDATION')
    expect(body.error.fields?.[field]).toBeDefined()
    if (message) expect(body.error.message).toMatch(message)
    return body
  }

  describe('GET /content/today', () => {
    it('places a baby born 10 days ago on day 291, with the week\'s tip and articles', async () => {
      const answer = await get(`/api/v1/content/today?birthDate=${daysFromToday(-10)}`)
      expect(answer.status).toBe(200)
      const today = TodaySchema.parse(answer.body)
      expect(today).toMatchObject({ stage: 'infant_0_6', stageName: '0–6 月', dayOf1000: 291, ageWeek: 1, ageMonths: 0, pregnancyWeek: null, correctedAgeText: null })
      expect(today.ageText).toBe('宝宝 10 天 · 生命1000天 第 291 天')
      expect(today.tips).toEqual([expect.objectContaining({ stage: 'infant_0_6', ageWeek: 1, text: '测试用小提示，第 1 周。' })])
      expect(today.articles.map((a) => a.id)).toEqual(['fixture-feeding-signals'])
    })

    it('places a pregnancy from the due date, in the week the library counts', async () => {
      // due in 100 days ⇒ day 181 ⇒ pregnancy week 26, 25 weeks 5 days
      const today = TodaySchema.parse((await get(`/api/v1/content/today?dueDate=${daysFromToday(100)}`)).body)
      expect(today).toMatchObject({ stage: 'mid_pregnancy', dayOf1000: 181, pregnancyWeek: 26, ageWeek: null })
      expect(today.ageText).toBe('孕 25 周 5 天 · 生命1000天 第 181 天')
      expect(today.tips[0]).toMatchObject({ pregnancyWeek: 26 })
      expect(today.articles.map((a) => a.id)).toEqual(['fixture-mid-pregnancy-diet'])
    })

    it('gives a premature baby a corrected age when both dates are given', async () => {
      const today = TodaySchema.parse((await get(`/api/v1/content/today?birthDate=${daysFromToday(-30)}&dueDate=${daysFromToday(30)}`)).body)
      expect(today.dayOf1000).toBe(311)
      expect(today.correctedAgeText).toMatch(/^矫正胎龄 /)
    })

    it('answers 400 with a Chinese message for missing, malformed or impossible dates', async () => {
      await expectValidation('/api/v1/content/today', 'query.birthDate', '请填写出生日期或预产期')
      await expectValidation('/api/v1/content/today?birthDate=2025-13-01', 'query.birthDate')
      await expectValidation('/api/v1/content/today?birthDate=2025-02-30', 'query.birthDate')
      await expectValidation('/api/v1/content/today?birthDate=20250101', 'query.birthDate')
      await expectValidation('/api/v1/content/today?dueDate=soon', 'query.dueDate')
      await expectValidation(`/api/v1/content/today?birthDate=${daysFromToday(1)}`, 'query.birthDate', '出生日期不能晚于今天')
      await expectValidation('/api/v1/content/today?birthDate=1900-01-01', 'query.birthDate', /3 岁/)
      await expectValidation('/api/v1/content/today?dueDate=9999-12-31', 'query.dueDate', '预产期太远，请检查')
      await expectValidation(`/api/v1/content/today?dueDate=${daysFromToday(-20)}`, 'query.dueDate', /出生日期/)
      await expectValidation(`/api/v1/content/today?birthDate=${daysFromToday(-10)}&dueDate=${daysFromToday(300)}`, 'query.dueDate')
      await expectValidation('/api/v1/content/today?birthDate=2025-01-01&birthDate=2025-01-02', 'query.birthDate')
    })
  })

  describe('GET /content/articles', () => {
    it('lists the library in order, filtered by stage and topic', async () => {
      const all = ArticlePageSchema.parse((await get('/api/v1/content/articles')).body)
      expect(all.items.map((a) => a.id)).toEqual(['fixture-mid-pregnancy-diet', 'fixture-feeding-signals'])
      expect(all.nextCursor).toBeNull()
      const infants = ArticlePageSchema.parse((await get('/api/v1/content/articles?stage=infant_0_6&topic=nutrition')).body)
      expect(infants.items).toEqual([
        { id: 'fixture-feeding-signals', title: '按需喂养：读懂宝宝饿了的信号', stage: 'infant_0_6', topic: 'nutrition', summary: expect.any(String), pregnancyWeeks: null, ageMonths: [0, 6] },
      ])
      expect(ArticlePageSchema.parse((await get('/api/v1/content/articles?topic=sleep')).body).items).toEqual([])
    })

    it('finds articles by Chinese text, full pinyin and pinyin initials', async () => {
      const ids = async (q: string) => ArticlePageSchema.parse((await get(`/api/v1/content/articles?q=${encodeURIComponent(q)}`)).body).items.map((a) => a.id)
      // the title match first; the diet article names 按需喂养 in its body (a link) and comes after
      expect(await ids('按需喂养')).toEqual(['fixture-feeding-signals', 'fixture-mid-pregnancy-diet'])
      expect(await ids('axwy')).toEqual(['fixture-feeding-signals'])
      expect(await ids('yunzhongqi')).toEqual(['fixture-mid-pregnancy-diet'])
      expect(await ids('YZQ')).toEqual(['fixture-mid-pregnancy-diet'])
      expect(await ids('不存在的词')).toEqual([])
    })

    it('ranks title and summary matches before matches in the body only', async () => {
      // 孕中期 is in the diet article's title and only in the feeding article's body (its link)
      const page = ArticlePageSchema.parse((await get(`/api/v1/content/articles?q=${encodeURIComponent('孕中期')}`)).body)
      expect(page.items.map((a) => a.id)).toEqual(['fixture-mid-pregnancy-diet', 'fixture-feeding-signals'])
    })

    it('pages with an opaque cursor', async () => {
      const first = ArticlePageSchema.parse((await get('/api/v1/content/articles?limit=1')).body)
      expect(first.items).toHaveLength(1)
      expect(first.nextCursor).not.toBeNull()
      const second = ArticlePageSchema.parse((await get(`/api/v1/content/articles?limit=1&cursor=${first.nextCursor}`)).body)
      expect(second.items.map((a) => a.id)).toEqual(['fixture-feeding-signals'])
      expect(second.nextCursor).toBeNull()
    })

    it('answers 400 for an unknown stage or topic, a bad limit or a forged cursor', async () => {
      await expectValidation('/api/v1/content/articles?stage=teenager', 'query.stage')
      await expectValidation('/api/v1/content/articles?topic=cooking', 'query.topic')
      await expectValidation('/api/v1/content/articles?limit=51', 'query.limit')
      await expectValidation('/api/v1/content/articles?limit=abc', 'query.limit')
      await expectValidation('/api/v1/content/articles?cursor=not-a-cursor', 'query.cursor')
      await expectValidation(`/api/v1/content/articles?q=${'长'.repeat(51)}`, 'query.q')
    })
  })

  describe('GET /content/articles/:id', () => {
    it('returns the body as blocks, with its sources', async () => {
      const answer = await get('/api/v1/content/articles/fixture-mid-pregnancy-diet')
      expect(answer.status).toBe(200)
      const article = ArticleSchema.parse(answer.body)
      expect(article.sources).toEqual([{ org: '中国营养学会', title: '中国居民膳食指南（2022）· 孕期妇女膳食指南' }])
      expect(article.reviewed).toBe('2026-11-20')
      expect(article.blocks).toContainEqual({ type: 'list', ordered: true, items: [[{ text: '常吃含铁丰富的食物' }], [{ text: '选用加碘盐' }]] })
      expect(article.blocks).toContainEqual({
        type: 'paragraph',
        parts: [{ text: '宝宝出生后的喂养见' }, { text: '按需喂养', articleId: 'fixture-feeding-signals' }, { text: '。' }],
      })
    })

    it('answers 404 for an unknown article', async () => {
      const answer = await get('/api/v1/content/articles/no-such-article')
      expect(answer.status).toBe(404)
      expect(ErrorBodySchema.parse(answer.body).error.code).toBe('NOT_FOUND')
    })
  })

  describe('GET /content/stages', () => {
    it('counts articles per stage and topic', async () => {
      const overview = StagesOverviewSchema.parse((await get('/api/v1/content/stages')).body)
      expect(overview.stages.map((s) => s.name)).toEqual(['备孕与孕早期', '孕中期', '孕晚期', '0–6 月', '6–12 月', '1–2 岁', '2–3 岁'])
      expect(overview.stages.find((s) => s.id === 'mid_pregnancy')?.articleCount).toBe(1)
      expect(overview.topics.find((t) => t.id === 'nutrition')).toEqual({ id: 'nutrition', name: '营养与喂养', articleCount: 2 })
      expect(overview.topics.find((t) => t.id === 'sleep')?.articleCount).toBe(0)
    })
  })

  describe('compiling at start', () => {
    it('skips an unchanged library and recompiles a changed one', async () => {
      const before = await t.db.query<{ compiled_at: Date }>('select compiled_at from content_library_state')
      expect(await compileContent(t.db, GOOD)).toMatchObject({ compiled: false })
      const after = await t.db.query<{ compiled_at: Date }>('select compiled_at from content_library_state')
      expect(after.rows[0].compiled_at).toEqual(before.rows[0].compiled_at)

      const folder = await mkdtemp(path.join(tmpdir(), 'content-changed-'))
      try {
        await cp(GOOD, folder, { recursive: true })
        const file = path.join(folder, 'articles', 'mid_pregnancy', 'fixture-mid-pregnancy-diet.md')
        await writeFile(file, (await readFile(file, 'utf8')).replace('title: 孕中期怎么吃', 'title: 孕中期这样吃'))
        expect(await compileContent(t.db, folder)).toMatchObject({ compiled: true, articles: 2, tips: 196 })
        const article = ArticleSchema.parse((await get('/api/v1/content/articles/fixture-mid-pregnancy-diet')).body)
        expect(article.title).toBe('孕中期这样吃')
      } finally {
        await compileContent(t.db, GOOD)
        await rm(folder, { recursive: true, force: true })
      }
    })
  })
})
