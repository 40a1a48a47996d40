import { ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import { TEST_ENCRYPTION_KEYS_ENV } from './encryption'

const REPO_ROOT = path.resolve(__dirname, '..', '..')

export interface ServerProcess {
  child: ChildProcess
  base: string
}

/**
 * `server/main.ts` in a process of its own on a PostgreSQL database (a test schema's
 * URL), on an ephemeral port; resolves once it prints the address it listens on.
 * Background jobs are off and WeChat points nowhere (never called in these tests, and
 * set so the server starts no fake WeChat of its own). `detached` gives it its own
 * process group, so a SIGKILL to the group also reaches the node child tsx starts.
 */
export function startServerProcess(databaseUrl: string, h5Dist: string, options: { env?: Record<string, string>; detached?: boolean } = {}): Promise<ServerProcess> {
  const child = spawn(path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), ['server/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      H5_DIST: h5Dist,
      LOG_LEVEL: 'warn',
      NOTIFY_INTERVAL_MS: '0',
      SEARCH_INDEX_REFRESH_MS: '0',
      WECHAT_API_BASE: 'http://127.0.0.1:9',
      DATA_ENCRYPTION_KEYS: TEST_ENCRYPTION_KEYS_ENV,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.detached ?? false,
  })
  return new Promise((resolve, reject) => {
    let output = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /http:\/\/localhost:(\d+)/.exec(output)
      if (match) resolve({ child, base: `http://127.0.0.1:${match[1]}` })
    })
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('exit', (code) => reject(new Error(`server exited with ${code} before listening:\n${output}`)))
  })
}
