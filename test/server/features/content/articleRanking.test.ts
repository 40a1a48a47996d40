import { ArticlePageSchema } from '@domain/content'
import { openTestApp, TestApp } from '@test/support/app'
import { repoPath } from '@test/support/repoPaths'
import { requestJson } from '@test/support/session'

/*
 * Article search ranked by relevance (issue 12): the box's own example "fs" must find
 * 辅食 and 发烧 by their titles first, not 9th and 12th behind summaries that happen to
 * hold an f…s.
 */
describe('article search over the real 生命1000天 library', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await openTestApp('pglite', { content: repoPath('content') })
  }, 60_000)
  afterAll(() => t.close())

  async function titles(q: string): Promise<string[]> {
    const answer = await requestJson(t.app, 'GET', `/api/v1/content/articles?q=${encodeURIComponent(q)}&limit=50`)
    return ArticlePageSchema.parse(answer.body).items.map((a) => a.title)
  }

  it('puts titles whose pinyin initials begin with "fs" first', async () => {
    const found = await titles('fs')
    const firstTwo = found.slice(0, 2).join(' / ')
    expect(firstTwo).toMatch(/辅食|发烧/)
    expect(found.findIndex((title) => title.includes('辅食'))).toBeLessThan(3)
    expect(found.findIndex((title) => title.includes('发烧'))).toBeLessThan(3)
  })

  it('ranks a title match before a summary match before a body match', async () => {
    const found = await titles('发烧')
    expect(found[0]).toContain('发烧')
  })
})
