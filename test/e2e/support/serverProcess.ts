import { ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort } from './freePort'
import { APP_REPO_DIR } from './paths'

/*
 * Starts the real API server as `npm start` does (tsx server/main.ts), minus npm itself,
 * so signals reach the server directly and its exit code is the one we check. It is the
 * server of APP_REPO_DIR: this checkout, or the one E2E_REPO_DIR names (paths.ts).
 */

export interface RunningServer {
  baseUrl: string
  port: number
  dataDir: string
  /** Everything the server printed, for failure messages. */
  output(): string
  /** Sends SIGTERM and resolves with the exit code (null if killed by a signal); removes a temp data folder. */
  stop(timeoutMs?: number): Promise<number | null>
}

export interface StartOptions {
  /** An existing data folder; by default a fresh temp folder, so the server migrates and seeds. */
  dataDir?: string
  env?: Record<string, string>
  readyTimeoutMs?: number
}

const TSX_BIN = path.join(APP_REPO_DIR, 'node_modules', '.bin', 'tsx')

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const port = await freePort()
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'anxin-e2e-'))
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    H5_DIST: 'dist-h5',
    DEMO_LOGIN: '1',
    ...options.env,
  }
  // The e2e run uses the embedded database; a DATABASE_URL from the shell must not leak in.
  if (!options.env?.DATABASE_URL) delete env.DATABASE_URL
  // Same process group as jest, so Ctrl-C stops the server too.
  const child = spawn(TSX_BIN, ['server/main.ts'], { cwd: APP_REPO_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))

  const baseUrl = `http://127.0.0.1:${port}`
  try {
    // E2E_SERVER_READY_MS: more patience on a busy shared machine (the default suits a laptop).
    await waitForHealth(baseUrl, child, options.readyTimeoutMs ?? (Number(process.env.E2E_SERVER_READY_MS) || 90_000))
  } catch (error) {
    child.kill('SIGKILL')
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output}`)
  }
  return {
    baseUrl,
    port,
    dataDir,
    output: () => output,
    stop: async (timeoutMs = 15_000) => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
      const code = await exited
      clearTimeout(timer)
      // A temp folder we made is ours to remove; a folder we were given is not.
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
      return code
    },
  }
}

/** Polls GET /healthz until it answers 200 {"ok": true}. */
export async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<number> {
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode} before it was ready`)
    try {
      const response = await fetch(`${baseUrl}/healthz`)
      if (response.status === 200) {
        const body = (await response.json()) as { ok?: unknown }
        if (body.ok === true) return Date.now() - started
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`server was not healthy within ${timeoutMs} ms`)
}
