import { spawn } from 'node:child_process'
import path from 'node:path'
import { median } from './stats'

/*
 * Cold start as `npm start` does it (node --import tsx server/main.ts, package.json's start
 * script) on a data folder that is already migrated and seeded: time from spawn to the
 * first 200 from /healthz. npm's own start-up (about 0.2–0.4 s) is left out; tsx's
 * loader is measured. Then SIGTERM, which must end in exit code 0 (docs/api.md, Running).
 *
 * Not the `tsx` command: it runs the server in a child process and, if that child does
 * not acknowledge a relayed SIGTERM within 30 ms (its event loop busy, e.g. with a
 * PGlite query), SIGKILLs it, leaving the data folder locked and possibly damaged.
 */

const REPO_ROOT = path.resolve(__dirname, '..')

export interface ColdStartResult {
  dataDir: string
  runsMs: number[]
  medianMs: number
  exitCodes: Array<number | null>
  /** SIGTERM → exit, for each run. */
  stopsMs: number[]
}

export async function measureColdStart(dataDir: string, port: number, runs: number, env: Record<string, string> = {}): Promise<ColdStartResult> {
  const runsMs: number[] = []
  const exitCodes: Array<number | null> = []
  const stopsMs: number[] = []
  for (let i = 0; i < runs; i++) {
    const { readyMs, exitCode, stopMs } = await oneColdStart(dataDir, port, env)
    runsMs.push(readyMs)
    exitCodes.push(exitCode)
    stopsMs.push(stopMs)
  }
  return { dataDir, runsMs, medianMs: median(runsMs), exitCodes, stopsMs }
}

async function oneColdStart(dataDir: string, port: number, extraEnv: Record<string, string>): Promise<{ readyMs: number; exitCode: number | null; stopMs: number }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ...extraEnv }
  delete env.DATABASE_URL
  let output = ''
  const started = performance.now()
  // Its own process group, so a last-resort SIGKILL also reaches anything it started.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  let readyMs = Number.NaN
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before it was ready:\n${output}`)
      if (performance.now() - started > 60_000) throw new Error(`server not ready within 60 s:\n${output}`)
      try {
        const response = await fetch(`http://127.0.0.1:${port}/healthz`)
        if (response.status === 200) {
          readyMs = performance.now() - started
          await response.arrayBuffer()
          break
        }
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  } finally {
    child.kill('SIGTERM')
  }
  const stopping = performance.now()
  const timer = setTimeout(() => killGroup(child.pid), 30_000)
  const exitCode = await exited
  clearTimeout(timer)
  const stopMs = performance.now() - stopping
  if (exitCode !== 0) console.log(`cold start: server exited with ${exitCode} after SIGTERM (${Math.round(stopMs)} ms):\n${output}`)
  return { readyMs, exitCode, stopMs }
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return
  try {
    process.kill(-pid, 'SIGKILL')
  } catch {
    // already gone
  }
}
