import { ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { tinyH5Dist } from '../support/app'

/*
 * The real server process, started as `npm start` starts it (tsx server/main.ts),
 * on the embedded database in a temp folder.
 */
const REPO_ROOT = path.resolve(__dirname, '..', '..')
const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx')

interface ServerProcess {
  child: ChildProcess
  output: () => string
  exited: Promise<number | null>
}

function startServer(dataDir: string, h5Dist: string): ServerProcess {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, H5_DIST: h5Dist, LOG_LEVEL: 'warn' }
  delete env.DATABASE_URL
  const child = spawn(TSX, ['server/main.ts'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, output: () => output, exited }
}

/** The URL the server prints once it listens, after /healthz says ok. */
async function waitUntilHealthy(server: ServerProcess, timeoutMs: number): Promise<string> {
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    if (server.child.exitCode !== null) throw new Error(`server exited early:\n${server.output()}`)
    const match = /http:\/\/localhost:(\d+)/.exec(server.output())
    if (match) {
      const base = `http://127.0.0.1:${match[1]}`
      const response = await fetch(`${base}/healthz`).catch(() => undefined)
      if (response?.status === 200 && ((await response.json()) as { ok: boolean }).ok === true) return base
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`server not healthy in ${timeoutMs} ms:\n${server.output()}`)
}

describe('the server process', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anxin-main-'))
  const h5Dist = tinyH5Dist()
  const running: ServerProcess[] = []
  let districtsBefore: unknown
  afterAll(() => {
    for (const server of running) if (server.child.exitCode === null) server.child.kill('SIGKILL')
    fs.rmSync(dataDir, { recursive: true, force: true })
    fs.rmSync(h5Dist, { recursive: true, force: true })
  })

  it('starts, refuses a second process on the same data folder, and exits 0 on SIGTERM', async () => {
    const first = startServer(dataDir, h5Dist)
    running.push(first)
    const base = await waitUntilHealthy(first, 120_000)
    const districts = await fetch(`${base}/api/v1/districts`)
    expect(districts.status).toBe(200)
    districtsBefore = await districts.json()

    const second = startServer(dataDir, h5Dist)
    running.push(second)
    expect(await second.exited).toBe(1)
    expect(second.output()).toContain('数据目录正被另一个安心托育服务进程使用')
    expect(second.output()).toContain('in use by another')

    first.child.kill('SIGTERM')
    expect(await first.exited).toBe(0)
  }, 180_000)

  it('starts again on the folder it closed cleanly, with its data intact', async () => {
    const again = startServer(dataDir, h5Dist)
    running.push(again)
    const base = await waitUntilHealthy(again, 60_000)
    const after = await fetch(`${base}/api/v1/districts`)
    expect(after.status).toBe(200)
    expect(await after.json()).toEqual(districtsBefore)
    again.child.kill('SIGINT')
    expect(await again.exited).toBe(0)
  }, 90_000)
})
