import { TRACKING_NO } from '@domain/complaint'
import { YUBEI } from '@test/fixtures/institutions'
import { tinyH5Dist } from '@test/support/app'
import { startServerProcess } from '@test/support/serverProcess'
import { requestJson } from '@test/support/session'
import { seedInstitutions } from '@test/support/bookingFixtures'
import { createFamilies, openPostgresSchema, PostgresSchema } from '@test/support/postgresHarness'
import { complaintBody } from './complaintFixtures'
import { describeOnPostgres, POSTGRES_URL } from '@test/support/postgresSuite'

/*
 * A complaint filed while the server is killed with SIGKILL is either stored whole —
 * with its tracking number and its first timeline entry — or not at all. Only real
 * PostgreSQL shows it (PGlite is in-process); CI sets TEST_DATABASE_URL.
 */
const url = POSTGRES_URL

jest.setTimeout(120_000)

describeOnPostgres('a complaint filed while the server is SIGKILLed', () => {
  let pg: PostgresSchema
  beforeAll(async () => {
    pg = await openPostgresSchema(url!, 5)
    await seedInstitutions(pg.db, [{ id: 'inst-c', districtCode: YUBEI.code }])
  })
  afterAll(() => pg.drop())

  it('is stored whole with its tracking number, or not at all', async () => {
    const server = await startServerProcess(pg.urlWithSchema, tinyH5Dist(), {
      env: { COMPLAINT_RATE_LIMIT_PER_MINUTE: '100000' },
      // tsx runs the server in a child process: SIGKILL goes to the group.
      detached: true,
    })
    const exited = new Promise((resolve) => server.child.once('exit', resolve))
    const families = await createFamilies(pg.db, 3000)
    const confirmed: string[] = []
    let failed = 0
    const otherAnswers: string[] = []
    let firstAnswer: () => void = () => {}
    const answered = new Promise<void>((resolve) => (firstAnswer = resolve))
    // 3,000 filings, 40 at a time, while the server is killed shortly after the first answer.
    const queue = [...families]
    const workers = Array.from({ length: 40 }, async () => {
      for (let f = queue.shift(); f; f = queue.shift()) {
        try {
          const answer = await requestJson(server.base, 'POST', '/api/v1/complaints', complaintBody(), f.headers)
          if (answer.status === 201) {
            confirmed.push((answer.body as { trackingNo: string }).trackingNo)
            firstAnswer()
          } else otherAnswers.push(`${answer.status} ${JSON.stringify(answer.body)}`)
        } catch {
          failed++
        }
      }
    })
    // Every request may fail before any answers (a broken set-up): do not wait forever.
    await Promise.race([answered, Promise.all(workers)])
    expect(otherAnswers).toEqual([])
    await new Promise((resolve) => setTimeout(resolve, 50))
    process.kill(-server.child.pid!, 'SIGKILL')
    await exited
    await Promise.all(workers)
    expect(failed).toBeGreaterThan(0) // some requests really were cut off mid-flight

    const stored = await pg.db.query<{ tracking_no: string; events: number; submitted: number }>(
      `select c.tracking_no, count(e.id)::int as events, count(e.id) filter (where e.status = 'submitted')::int as submitted
       from complaints c left join complaint_events e on e.complaint_id = c.id group by c.id, c.tracking_no`,
    )
    const numbers = stored.rows.map((r) => r.tracking_no)
    // Everything the server confirmed is there…
    expect(numbers).toEqual(expect.arrayContaining(confirmed))
    // …and everything there is whole: a well-formed number and exactly its first timeline entry.
    for (const row of stored.rows) {
      expect(row.tracking_no).toMatch(TRACKING_NO)
      expect(row).toMatchObject({ events: 1, submitted: 1 })
    }
    expect(new Set(numbers).size).toBe(numbers.length)
    const orphans = await pg.db.query(`select 1 from complaint_events e where not exists (select 1 from complaints c where c.id = e.complaint_id)`)
    expect(orphans.rowCount).toBe(0)
  })
})
