import { ReviewPageSchema, ReviewSchema } from '@domain/review'
import { readSearchIndexVersion } from '@server/features/find/searchIndexVersion'
import { openTestApp, TestApp } from '@test/support/app'
import { TEST_BACKENDS } from '@test/support/database'
import { requestJson, signInParent, TestSession } from '@test/support/session'
import { signInStaff } from '@test/support/staffAccounts'
import { seedInstitutions } from '@test/support/bookingFixtures'
import { parentWhoBooked, postReview, ratingOf, reviewTableCounts, scores } from './reviewFixtures'

describe.each(TEST_BACKENDS)('reviews on %s', (backend) => {
  let t: TestApp
  let staff: TestSession
  let otherStaff: TestSession

  beforeAll(async () => {
    t = await openTestApp(backend, { wechat: { riskyWords: ['违禁词'] } })
    // The fixture institutions come with a rating of 9 over 2 from the filing list.
    await seedInstitutions(t.db, [{ id: 'inst-r' }, { id: 'inst-o' }, { id: 'inst-page' }])
    staff = await signInStaff(t, 'inst-r')
    otherStaff = await signInStaff(t, 'inst-o')
  })
  afterAll(() => t.close())

  const list = (institutionId: string, query = '') => requestJson(t.app, 'GET', `/api/v1/institutions/${institutionId}/reviews${query}`)

  describe('who may review', () => {
    it('refuses a parent who has not been there with 403 FORBIDDEN', async () => {
      const stranger = await signInParent(t.app)
      expect(await postReview(t, stranger, 'inst-r', { scores: scores() })).toMatchObject({
        status: 403,
        body: { error: { code: 'FORBIDDEN', message: expect.stringContaining('参观') } },
      })
    })

    it('refuses a parent whose booking was not attended, or who only attended a lecture', async () => {
      const booked = await parentWhoBooked(t, 'inst-r', staff, { attend: false })
      expect((await postReview(t, booked, 'inst-r', { scores: scores() })).status).toBe(403)
      const lecture = await parentWhoBooked(t, 'inst-r', staff, { kind: 'lecture' })
      expect((await postReview(t, lecture, 'inst-r', { scores: scores() })).status).toBe(403)
    })

    it('refuses a parent who visited another institution', async () => {
      const visitedOther = await parentWhoBooked(t, 'inst-o', otherStaff)
      expect((await postReview(t, visitedOther, 'inst-r', { scores: scores() })).status).toBe(403)
    })

    it('accepts a parent whose visit, open day or trial staff marked attended', async () => {
      for (const kind of ['visit', 'open_day', 'trial'] as const) {
        const parent = await parentWhoBooked(t, 'inst-r', staff, { kind })
        expect((await postReview(t, parent, 'inst-r', { scores: scores() })).status).toBe(201)
      }
    })

    it('accepts a parent whose child the institution admitted', async () => {
      const parent = await signInParent(t.app)
      await t.db.query(
        `insert into enrollments (id, institution_id, user_id, child_nickname, care_mode, start_month, contact_phone, status)
         values ('enr-admitted', 'inst-r', $1, '小宝', 'full_day', '2027-01', '13812345678', 'admitted')`,
        [parent.userId],
      )
      expect((await postReview(t, parent, 'inst-r', { scores: scores() })).status).toBe(201)
    })

    it('asks for sign-in first (401) and answers 404 for an unknown institution', async () => {
      expect((await requestJson(t.app, 'POST', '/api/v1/institutions/inst-r/reviews', { scores: scores() })).status).toBe(401)
      const parent = await signInParent(t.app)
      expect(await postReview(t, parent, 'no-such-institution', { scores: scores() })).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } })
    })
  })

  describe('one review per parent, and the rating', () => {
    it('updates the first review on a second post and moves the rating by the difference', async () => {
      await seedInstitutions(t.db, [{ id: 'inst-agg' }])
      const aggStaff = await signInStaff(t, 'inst-agg')
      const before = await ratingOf(t.db, 'inst-agg')
      const versionBefore = await readSearchIndexVersion(t.db)
      const parent = await parentWhoBooked(t, 'inst-agg', aggStaff)

      const first = await postReview(t, parent, 'inst-agg', { scores: scores({ food: 2, value: 2 }), text: '环境不错' })
      expect(first.status).toBe(201)
      const created = ReviewSchema.parse(first.body)
      expect(created).toMatchObject({ overall: 4, text: '环境不错', textStatus: 'shown', reply: null })
      expect(await ratingOf(t.db, 'inst-agg')).toEqual({ sum: before.sum + 4, count: before.count + 1, reviewSum: 4, reviews: 1 })
      expect(await readSearchIndexVersion(t.db)).toBeGreaterThan(versionBefore ?? 0)
      await t.app.searchIndex.refresh()

      const second = await postReview(t, parent, 'inst-agg', { scores: scores({ food: 1, value: 1, care: 1 }) })
      expect(second.status).toBe(200)
      expect(second.body).toMatchObject({ id: created.id, overall: 3, text: null, textStatus: null })
      expect(await ratingOf(t.db, 'inst-agg')).toEqual({ sum: before.sum + 3, count: before.count + 1, reviewSum: 3, reviews: 1 })

      const detail = await requestJson(t.app, 'GET', '/api/v1/institutions/inst-agg')
      expect((detail.body as { rating: unknown }).rating).toEqual({ average: Math.round(((before.sum + 3) / (before.count + 1)) * 10) / 10, count: before.count + 1 })

      // The in-memory search index, built after the first post, sees the new version and serves the new rating.
      await t.app.searchIndex.refresh()
      expect(t.app.searchIndex.current()).toBeDefined()
      const found = await requestJson(t.app, 'GET', '/api/v1/institutions?sort=rating&limit=50')
      const item = (found.body as { items: { id: string; rating: unknown }[] }).items.find((i) => i.id === 'inst-agg')
      expect(item?.rating).toEqual((detail.body as { rating: unknown }).rating)
    })

    it('keeps the aggregate equal to the baseline plus the reviews when posts race', async () => {
      await seedInstitutions(t.db, [{ id: 'inst-race' }])
      const raceStaff = await signInStaff(t, 'inst-race')
      const before = await ratingOf(t.db, 'inst-race')
      const parents = [] as TestSession[]
      for (let i = 0; i < 4; i++) parents.push(await parentWhoBooked(t, 'inst-race', raceStaff))
      // Every parent posts three times at once: new reviews and updates interleave.
      const answers = await Promise.all(
        parents.flatMap((parent, i) => [1, 2, 3].map((n) => postReview(t, parent, 'inst-race', { scores: scores({ safety: ((i + n) % 5) + 1 }) }))),
      )
      expect(answers.map((a) => a.status).every((s) => s === 200 || s === 201)).toBe(true)
      expect(answers.filter((a) => a.status === 201)).toHaveLength(4)
      const after = await ratingOf(t.db, 'inst-race')
      expect(after.reviews).toBe(4)
      expect(after).toEqual({ sum: before.sum + after.reviewSum, count: before.count + 4, reviewSum: after.reviewSum, reviews: 4 })
    })
  })

  describe('the public list', () => {
    it('pages through every review newest first, with per-dimension scores and a summary', async () => {
      const pageStaff = await signInStaff(t, 'inst-page')
      for (let i = 0; i < 5; i++) {
        const parent = await parentWhoBooked(t, 'inst-page', pageStaff, { nickname: `王妈妈${i}` })
        expect((await postReview(t, parent, 'inst-page', { scores: scores({ food: (i % 5) + 1 }), text: `第${i}条` })).status).toBe(201)
      }
      const seen: string[] = []
      let cursor: string | null = null
      do {
        const answer = await list('inst-page', `?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        expect(answer.status).toBe(200)
        const page = ReviewPageSchema.parse(answer.body)
        expect(page.items.length).toBeLessThanOrEqual(2)
        expect(page.summary).toEqual({
          count: 5,
          average: expect.any(Number),
          dimensions: { safety: 5, hygiene: 5, care: 5, food: 3, communication: 5, value: 5 },
        })
        seen.push(...page.items.map((r) => r.text ?? ''))
        for (const review of page.items) expect(review.reviewer).toBe('王**')
        cursor = page.nextCursor
      } while (cursor)
      expect(seen).toEqual(['第4条', '第3条', '第2条', '第1条', '第0条'])
    })

    it('shows an institution without reviews with an empty summary', async () => {
      expect(await list('inst-o')).toMatchObject({
        status: 200,
        body: { items: [], nextCursor: null, summary: { count: 0, average: null, dimensions: { safety: null } } },
      })
    })

    it('answers 404 for an unknown institution and 400 for a bad cursor or limit', async () => {
      expect((await list('no-such-institution')).status).toBe(404)
      for (const query of ['?cursor=not-a-cursor', '?cursor=%2F%2F', '?limit=0', '?limit=51', '?limit=abc']) {
        expect(await list('inst-page', query)).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION' } } })
      }
      for (const at of ["2026-01-01'; drop table reviews; --", '2026-02-30T00:00:00.000000Z', '2026-13-01T99:00:00.000000Z', '0000-00-00T00:00:00.000000Z', '0000-01-01T00:00:00.000000Z']) {
        const forged = Buffer.from(JSON.stringify({ at, id: 'x' })).toString('base64url')
        expect(await list('inst-page', `?cursor=${forged}`)).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION' } } })
      }
    })
  })

  describe('bad input', () => {
    it('refuses bad scores and text with 400 VALIDATION in Chinese, writing nothing', async () => {
      const parent = await parentWhoBooked(t, 'inst-r', staff)
      const before = await reviewTableCounts(t.db)
      const bodies: unknown[] = [
        {},
        { scores: null },
        { scores: scores({ safety: 0 }) },
        { scores: scores({ hygiene: 6 }) },
        { scores: scores({ care: 3.5 }) },
        { scores: { ...scores(), food: '5' } },
        { scores: { safety: 5 } },
        { scores: scores(), text: '好'.repeat(501) },
        { scores: scores(), text: 42 },
        [1, 2, 3],
        'five stars',
      ]
      for (const body of bodies) {
        const answer = await postReview(t, parent, 'inst-r', body)
        expect(answer).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION', message: expect.stringMatching(/[\u4e00-\u9fff]/) } } })
      }
      expect(await reviewTableCounts(t.db)).toEqual(before)
    })
  })

  describe('content security check', () => {
    it('refuses text WeChat calls risky with 400 and a clear message, storing nothing', async () => {
      const parent = await parentWhoBooked(t, 'inst-r', staff)
      const before = await reviewTableCounts(t.db)
      expect(await postReview(t, parent, 'inst-r', { scores: scores(), text: '这里有违禁词' })).toMatchObject({
        status: 400,
        body: { error: { code: 'VALIDATION', message: '内容未通过微信内容安全检查，请修改后再提交', fields: { 'body.text': expect.any(String) } } },
      })
      expect(await reviewTableCounts(t.db)).toEqual(before)
    })

    it('checks the text of a parent signed in with WeChat under their openid', async () => {
      const signedIn = await requestJson(t.app, 'POST', '/api/v1/auth/wechat', { code: t.wechat.login('reviewer-wx') })
      expect(signedIn.status).toBe(200)
      const { token, user } = signedIn.body as { token: string; user: { id: string } }
      const session = { token, userId: user.id, headers: { authorization: `Bearer ${token}` } }
      await parentWhoBooked(t, 'inst-r', staff, { session })
      expect((await postReview(t, session, 'inst-r', { scores: scores(), text: '违禁词' })).status).toBe(400)
      expect(await postReview(t, session, 'inst-r', { scores: scores(), text: '老师很用心' })).toMatchObject({ status: 201, body: { textStatus: 'shown' } })
    })
  })

  describe('staff replies', () => {
    let reviewId: string

    beforeAll(async () => {
      const parent = await parentWhoBooked(t, 'inst-r', staff)
      const posted = await postReview(t, parent, 'inst-r', { scores: scores({ food: 3 }), text: '午饭可以再丰富些' })
      reviewId = (posted.body as { id: string }).id
    })

    const reply = (who: TestSession, id: string, body: unknown) => requestJson(t.app, 'POST', `/api/v1/staff/reviews/${id}/reply`, body, who.headers)

    it('lets staff of the institution reply once, and shows the reply with the review', async () => {
      const answer = await reply(staff, reviewId, { text: '感谢建议，下月起增加菜品' })
      expect(answer).toMatchObject({ status: 201, body: { id: reviewId, reply: { text: '感谢建议，下月起增加菜品', textStatus: 'shown' } } })
      expect(await reply(staff, reviewId, { text: '再回复一次' })).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT' } } })
      const page = ReviewPageSchema.parse((await list('inst-r', '?limit=50')).body)
      expect(page.items.find((r) => r.id === reviewId)?.reply?.text).toBe('感谢建议，下月起增加菜品')
    })

    it('hides another institution’s review from staff (404) and refuses parents (403)', async () => {
      const parent = await parentWhoBooked(t, 'inst-o', otherStaff)
      const theirs = (await postReview(t, parent, 'inst-o', { scores: scores() })).body as { id: string }
      expect((await reply(staff, theirs.id, { text: '你好' })).status).toBe(404)
      expect((await reply(staff, 'no-such-review', { text: '你好' })).status).toBe(404)
      expect((await reply(parent, theirs.id, { text: '你好' })).status).toBe(403)
    })

    it('lists the institution’s own reviews to its staff, optionally only the unreplied', async () => {
      const parent = await parentWhoBooked(t, 'inst-r', staff)
      const open = ((await postReview(t, parent, 'inst-r', { scores: scores(), text: '待回复' })).body as { id: string }).id
      const staffList = (query: string, who = staff) => requestJson(t.app, 'GET', `/api/v1/staff/reviews${query}`, undefined, who.headers)
      const all = ReviewPageSchema.parse((await staffList('?limit=50')).body)
      expect(all.items.map((r) => r.id)).toEqual(expect.arrayContaining([open, reviewId]))
      expect(all.items.every((r) => r.institutionId === 'inst-r')).toBe(true)
      const unreplied = ReviewPageSchema.parse((await staffList('?limit=50&unreplied=true')).body)
      expect(unreplied.items.map((r) => r.id)).toContain(open)
      expect(unreplied.items.map((r) => r.id)).not.toContain(reviewId)
      expect(unreplied.items.every((r) => r.reply === null)).toBe(true)
      const theirs = ReviewPageSchema.parse((await staffList('?limit=50', otherStaff)).body)
      expect(theirs.items.map((r) => r.id)).not.toContain(open)
      expect((await requestJson(t.app, 'GET', '/api/v1/staff/reviews', undefined, parent.headers)).status).toBe(403)
      expect((await staffList('?unreplied=yes')).status).toBe(400)
    })

    it('refuses an empty, overlong or risky reply with 400', async () => {
      const parent = await parentWhoBooked(t, 'inst-o', otherStaff)
      const id = ((await postReview(t, parent, 'inst-o', { scores: scores() })).body as { id: string }).id
      for (const body of [{}, { text: '  ' }, { text: '谢'.repeat(501) }, { text: '违禁词' }]) {
        expect(await reply(otherStaff, id, body)).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION' } } })
      }
      expect((await reply(otherStaff, id, { text: '谢谢您的评价' })).status).toBe(201)
    })
  })

  it('documents the review routes in the OpenAPI document', async () => {
    const response = await t.app.inject({ url: '/api/v1/openapi.json' })
    expect(response.statusCode).toBe(200)
    const paths = response.json().paths
    expect(Object.keys(paths['/api/v1/institutions/{id}/reviews'])).toEqual(expect.arrayContaining(['get', 'post']))
    expect(paths['/api/v1/staff/reviews/{id}/reply'].post).toBeDefined()
  })

  describe('privacy', () => {
    it('never shows a reviewer’s id, openid or full nickname in public or staff answers', async () => {
      const signedIn = await requestJson(t.app, 'POST', '/api/v1/auth/wechat', { code: t.wechat.login('private-parent') })
      const { token, user } = signedIn.body as { token: string; user: { id: string } }
      const session = { token, userId: user.id, headers: { authorization: `Bearer ${token}` } }
      const named = await parentWhoBooked(t, 'inst-r', staff, { nickname: '李晓梅' })
      await parentWhoBooked(t, 'inst-r', staff, { session })
      const a = (await postReview(t, named, 'inst-r', { scores: scores(), text: '很好' })).body as { id: string }
      const b = (await postReview(t, session, 'inst-r', { scores: scores(), text: '不错' })).body as { id: string }
      const answers = [
        await list('inst-r', '?limit=50'),
        await requestJson(t.app, 'POST', `/api/v1/staff/reviews/${a.id}/reply`, { text: '谢谢' }, staff.headers),
        await requestJson(t.app, 'POST', `/api/v1/staff/reviews/${b.id}/reply`, { text: '谢谢' }, staff.headers),
        await requestJson(t.app, 'GET', '/api/v1/institutions/inst-r'),
        await requestJson(t.app, 'GET', '/api/v1/staff/reviews?limit=50', undefined, staff.headers),
      ]
      for (const answer of answers) {
        expect(answer.status).toBeLessThan(300)
        const text = JSON.stringify(answer.body)
        for (const secret of [named.userId, session.userId, t.wechat.openidOf('private-parent'), '李晓梅', '晓梅']) expect(text).not.toContain(secret)
      }
      const items = ReviewPageSchema.parse(answers[0].body).items
      expect(items.find((r) => r.id === a.id)?.reviewer).toBe('李**')
    })
  })
})

describe.each(TEST_BACKENDS)('reviews while WeChat cannot be asked, on %s', (backend) => {
  let t: TestApp

  beforeAll(async () => {
    // Nothing listens on port 9 (discard): every msgSecCheck fails to connect.
    t = await openTestApp(backend, { config: { wechatApiBase: 'http://127.0.0.1:9' } })
    await seedInstitutions(t.db, [{ id: 'inst-h' }])
  })
  afterAll(() => t.close())

  it('holds the text: hidden from the public, the scores still count, the author sees it', async () => {
    const staff = await signInStaff(t, 'inst-h')
    const parent = await parentWhoBooked(t, 'inst-h', staff)
    const before = await ratingOf(t.db, 'inst-h')
    const posted = await postReview(t, parent, 'inst-h', { scores: scores(), text: '等待审核的文字' })
    expect(posted).toMatchObject({ status: 201, body: { text: '等待审核的文字', textStatus: 'held' } })
    expect((await ratingOf(t.db, 'inst-h')).count).toBe(before.count + 1)
    const page = ReviewPageSchema.parse((await requestJson(t.app, 'GET', '/api/v1/institutions/inst-h/reviews')).body)
    expect(page.items).toHaveLength(1)
    expect(page.items[0]).toMatchObject({ text: null, textStatus: 'held' })
    expect(JSON.stringify(page)).not.toContain('等待审核的文字')
  })
})
