import { ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DataDirLockedError, lockDataDir } from '@server/platform/db/dataDirLock'

/*
 * The data folder lock (dataDirLock.ts): a crashed holder's lock is taken over at once,
 * a live holder's is refused.
 */

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..')
const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx')

/** Another process that takes the lock and keeps it until killed. */
function holder(dataDir: string): Promise<ChildProcess> {
  const script = `import { lockDataDir } from './server/platform/db/dataDirLock'\nlockDataDir(${JSON.stringify(dataDir)}, () => {}).then(() => console.log('locked'))\nsetInterval(() => {}, 1000)`
  const child = spawn(TSX, ['--eval', script], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'], detached: true })
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve(child))
    child.on('exit', (code) => reject(new Error(`holder exited with ${code}`)))
  })
}

/** tsx's own process exits before the node process it started has finished dying. */
async function untilDead(pid: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const stat = fs.existsSync(`/proc/${pid}/stat`) ? fs.readFileSync(`/proc/${pid}/stat`, 'utf8') : ''
    if (!stat || /\) Z /.test(stat)) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('the data folder lock', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anxin-lock-'))
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

  it('refuses while another live process holds it', async () => {
    const live = await holder(dataDir)
    try {
      await expect(lockDataDir(dataDir, () => {})).rejects.toBeInstanceOf(DataDirLockedError)
    } finally {
      process.kill(-live.pid!, 'SIGKILL')
      await new Promise((resolve) => live.once('exit', resolve))
    }
  }, 60_000)

  it('takes over at once the lock of a holder killed with SIGKILL', async () => {
    const crashed = await holder(dataDir)
    process.kill(-crashed.pid!, 'SIGKILL')
    await new Promise((resolve) => crashed.once('exit', resolve))
    // The lock directory is fresh (well inside its 10 s staleness) and yet ours.
    expect(fs.existsSync(path.join(dataDir, 'server.lock'))).toBe(true)
    await untilDead(JSON.parse(fs.readFileSync(path.join(dataDir, 'server.lock.owner.json'), 'utf8')).pid)
    const started = Date.now()
    const release = await lockDataDir(dataDir, () => {})
    expect(Date.now() - started).toBeLessThan(1000)
    // A second open in this same process is refused, never taken over.
    await expect(lockDataDir(dataDir, () => {})).rejects.toBeInstanceOf(DataDirLockedError)
    await release()
    expect(fs.existsSync(path.join(dataDir, 'server.lock'))).toBe(false)
  }, 60_000)
})
