import { tinyH5Dist } from '@test/support/app'
import { openPostgresSchema, PostgresSchema } from '@test/support/postgresHarness'
import { ServerProcess, startServerProcess } from '@test/support/serverProcess'
import { requestJson } from '@test/support/session'

/*
 * Rate limits hold across server processes (issue 11): two copies of the server on one
 * PostgreSQL database, as behind a load balancer, share one sign-in count per client.
 * Needs real PostgreSQL (TEST_DATABASE_URL); PGlite is one process by nature.
 */
const url = process.env.TEST_DATABASE_URL
const describeOnPostgres = url ? describe : describe.skip

describeOnPostgres('the sign-in limit over two server processes', () => {
  let pg: PostgresSchema
  const servers: ServerProcess[] = []
  beforeAll(async () => {
    pg = await openPostgresSchema(url!, 2)
    const h5Dist = tinyH5Dist()
    for (let i = 0; i < 2; i++) servers.push(await startServerProcess(pg.urlWithSchema, h5Dist, { env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '6', DEMO_LOGIN: '1' } }))
  }, 120_000)
  afterAll(async () => {
    for (const server of servers) server.child.kill('SIGTERM')
    await pg.drop()
  })

  it('lets a client sign in as often as the limit says in all, whichever copy answers', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 10; i++) statuses.push((await requestJson(servers[i % 2].base, 'POST', '/api/v1/auth/demo', {})).status)
    expect(statuses.filter((s) => s === 200)).toHaveLength(6)
    expect(statuses.slice(6)).toEqual([429, 429, 429, 429])
  }, 60_000)
})
