import fc from 'fast-check'
import { ReviewBodySchema, ReviewReplyBodySchema } from '@domain/review'
import { openTestApp, TestApp } from '@test/support/app'
import { TEST_BACKENDS } from '@test/support/database'
import { requestJson, TestSession } from '@test/support/session'
import { signInStaff } from '@test/support/staffAccounts'
import { seedInstitutions } from '@test/support/bookingFixtures'
import { parentWhoBooked, postReview, reviewTableCounts, scores } from './reviewFixtures'

/*
 * The review routes answer malformed input with 400 VALIDATION and a Chinese message,
 * never a 500, and write nothing: no review, no reply, no change to any rating.
 */

const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 40)

const wrongValue = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.integer(),
  fc.integer({ min: 6, max: 1000 }),
  fc.integer({ min: -1000, max: 0 }),
  fc.double(),
  fc.boolean(),
  fc.constantFrom('5', '五', 'NaN', '1e1'),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }),
  fc.string({ minLength: 501, maxLength: 700 }),
)

const DIMENSIONS = Object.keys(scores())

/** A valid review broken in one to three ways, in its scores or at the top; or not an object. */
const malformedReview = fc
  .oneof(
    fc
      .array(
        fc.oneof(
          fc.record({ where: fc.constant('scores' as const), key: fc.constantFrom(...DIMENSIONS), drop: fc.boolean(), value: wrongValue }),
          fc.record({ where: fc.constant('top' as const), key: fc.constantFrom('scores', 'text'), drop: fc.boolean(), value: wrongValue }),
        ),
        { minLength: 1, maxLength: 3 },
      )
      .map((edits) => {
        const body: Record<string, unknown> = { scores: { ...scores() } as Record<string, unknown>, text: '老师很耐心' }
        for (const edit of edits) {
          const target = edit.where === 'scores' && typeof body.scores === 'object' && body.scores !== null ? (body.scores as Record<string, unknown>) : body
          if (edit.drop) delete target[edit.key]
          else target[edit.key] = edit.value
        }
        return body as unknown
      }),
    fc.oneof(fc.constant([]), fc.constant('五星'), fc.integer(), fc.constant(null), fc.array(fc.jsonValue(), { maxLength: 2 })),
  )
  .filter((body) => !ReviewBodySchema.safeParse(body).success)

describe.each(TEST_BACKENDS)('review routes refuse malformed input on %s', (backend) => {
  let t: TestApp
  let parent: TestSession
  let staff: TestSession
  let reviewId: string
  const runs = backend === 'pglite' ? RUNS : Math.ceil(RUNS / 2)

  beforeAll(async () => {
    t = await openTestApp(backend)
    await seedInstitutions(t.db, [{ id: 'inst-b' }])
    staff = await signInStaff(t, 'inst-b')
    parent = await parentWhoBooked(t, 'inst-b', staff)
    reviewId = ((await postReview(t, parent, 'inst-b', { scores: scores(), text: '第一次评价' })).body as { id: string }).id
  })
  afterAll(() => t.close())

  async function expectRefusedWithoutWrites(send: () => Promise<{ status: number; body: unknown }>): Promise<void> {
    const before = await reviewTableCounts(t.db)
    const answer = await send()
    expect(answer.status).toBe(400)
    expect(answer.body).toMatchObject({ error: { code: 'VALIDATION', message: expect.stringMatching(/[\u4e00-\u9fff]/) } })
    expect(await reviewTableCounts(t.db)).toEqual(before)
  }

  it('POST /institutions/:id/reviews', async () => {
    await fc.assert(
      fc.asyncProperty(malformedReview, async (body) => {
        await expectRefusedWithoutWrites(() => postReview(t, parent, 'inst-b', body))
      }),
      { numRuns: runs },
    )
    // The parent's review is as it was.
    const page = (await requestJson(t.app, 'GET', '/api/v1/institutions/inst-b/reviews')).body as { items: { text: string }[] }
    expect(page.items.map((r) => r.text)).toEqual(['第一次评价'])
  })

  it('POST /staff/reviews/:id/reply', async () => {
    const bodies = fc
      .oneof(fc.record({ text: wrongValue }), fc.constant({}), fc.constant([]), fc.integer(), fc.constant('谢谢'))
      .filter((body) => !ReviewReplyBodySchema.safeParse(body).success)
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        await expectRefusedWithoutWrites(() => requestJson(t.app, 'POST', `/api/v1/staff/reviews/${reviewId}/reply`, body, staff.headers))
      }),
      { numRuns: runs },
    )
  })

  it('GET /institutions/:id/reviews answers any query with 200 or 400, never a 500', async () => {
    const queries = fc.record({ cursor: fc.option(fc.string({ maxLength: 300 })), limit: fc.option(fc.oneof(fc.string({ maxLength: 6 }), fc.integer().map(String))) })
    await fc.assert(
      fc.asyncProperty(queries, async ({ cursor, limit }) => {
        const params = new URLSearchParams()
        if (cursor !== null) params.set('cursor', cursor)
        if (limit !== null) params.set('limit', limit)
        const answer = await requestJson(t.app, 'GET', `/api/v1/institutions/inst-b/reviews?${params.toString()}`)
        expect([200, 400]).toContain(answer.status)
        if (answer.status === 400) expect(answer.body).toMatchObject({ error: { code: 'VALIDATION' } })
      }),
      { numRuns: runs },
    )
  })
})
