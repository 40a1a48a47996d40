import { ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { tinyH5Dist } from '@test/support/app'
import { TEST_BACKENDS } from '@test/support/database'
import { TEST_ENCRYPTION_KEYS_ENV } from '@test/support/encryption'
import { openPostgresSchema, PostgresSchema } from '@test/support/postgresHarness'
import { requestJson } from '@test/support/session'

/*
 * Crash-safe restart (issue 11): the server is SIGKILLed while 20 clients write (each
 * sign-in writes a user and a session), and started again the moment it is gone, as a
 * supervisor would. It must start on the first try, and every write it acknowledged
 * must be there — 5 rounds, on PGlite (whose folder lock must be taken over) and on
 * PostgreSQL. The process is `node --import tsx server/main.ts`, exactly `npm start`.
 */

const REPO_ROOT = path.resolve(__dirname, '..', '..')
const ROUNDS = 5
const WRITERS = 20

interface Server {
  child: ChildProcess
  base: string
  exited: Promise<void>
}

function start(env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DEMO_LOGIN: '1',
      SIGN_IN_RATE_LIMIT_PER_MINUTE: '100000',
      NOTIFY_INTERVAL_MS: '0',
      SEARCH_INDEX_REFRESH_MS: '0',
      ATTACHMENT_PURGE_INTERVAL_MS: '0',
      WECHAT_API_BASE: 'http://127.0.0.1:9',
      DATA_ENCRYPTION_KEYS: TEST_ENCRYPTION_KEYS_ENV,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return new Promise((resolve, reject) => {
    let output = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /http:\/\/localhost:(\d+)/.exec(output)
      if (match) resolve({ child, base: `http://127.0.0.1:${match[1]}`, exited })
    })
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => reject(new Error(`the server did not start on the first try (exit ${code}):\n${output}`)))
  })
}

describe.each(TEST_BACKENDS)('a server SIGKILLed during 20 concurrent writers, on %s', (backend) => {
  let env: Record<string, string>
  let pg: PostgresSchema | undefined
  let dataDir: string | undefined
  const h5Dist = tinyH5Dist()
  beforeAll(async () => {
    if (backend === 'postgres') {
      pg = await openPostgresSchema(process.env.TEST_DATABASE_URL!, 2)
      env = { DATABASE_URL: pg.urlWithSchema, H5_DIST: h5Dist }
    } else {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anxin-crash-'))
      env = { DATA_DIR: dataDir, H5_DIST: h5Dist, DATABASE_URL: '' }
    }
  })
  afterAll(async () => {
    await pg?.drop()
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
    fs.rmSync(h5Dist, { recursive: true, force: true })
  })

  it(`starts again on the first try with every acknowledged write, ${ROUNDS} rounds`, async () => {
    const acknowledged: string[] = []
    let server = await start(env)
    for (let round = 1; round <= ROUNDS; round++) {
      let stop = false
      let cutOff = 0
      let firstAck: () => void = () => {}
      const acked = new Promise<void>((resolve) => (firstAck = resolve))
      const writers = Array.from({ length: WRITERS }, async (_, w) => {
        for (let i = 0; !stop; i++) {
          try {
            const answer = await requestJson(server.base, 'POST', '/api/v1/auth/demo', { nickname: `r${round}w${w}n${i}` })
            if (answer.status === 200) {
              acknowledged.push((answer.body as { token: string }).token)
              firstAck()
            }
          } catch {
            cutOff++
            stop = true
          }
        }
      })
      await acked
      await new Promise((resolve) => setTimeout(resolve, 200))
      server.child.kill('SIGKILL')
      await server.exited
      // Restarted the moment the old process is gone.
      server = await start(env)
      stop = true
      await Promise.all(writers)
      expect(cutOff).toBeGreaterThan(0)
    }
    // Every acknowledged sign-in is still a working session.
    const missing: string[] = []
    for (const token of acknowledged) {
      const me = await requestJson(server.base, 'GET', '/api/v1/me', undefined, { authorization: `Bearer ${token}` })
      if (me.status !== 200) missing.push(`${me.status}`)
    }
    // At least one acknowledged write per round (the kill waits for the first one).
    expect(acknowledged.length).toBeGreaterThanOrEqual(ROUNDS)
    expect(missing).toEqual([])
    server.child.kill('SIGTERM')
    await server.exited
  }, 240_000)
})
