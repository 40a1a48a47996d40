import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import lockfile from 'proper-lockfile'

/*
 * PGlite's folder breaks if two processes open it. A lock directory next to the data,
 * refreshed while we run, keeps a second server out. Beside it an owner file names the
 * process holding it, so that after a crash (SIGKILL, OOM) a supervisor's immediate
 * restart takes the lock over at once: a lock whose owner is not running on this
 * machine is stale whatever its age. A lock of a live process — or of one we cannot
 * check (another machine sharing the folder) — still goes stale only after STALE_MS of
 * no refresh. docs/platform-notes.md, "PGlite".
 */
const STALE_MS = 10_000

export class DataDirLockedError extends Error {
  constructor(dataDir: string) {
    super(
      `数据目录正被另一个安心托育服务进程使用：${dataDir}。请先停止那个进程。\n` +
        `The data folder ${dataDir} is in use by another 安心托育 server process. Stop it first.`,
    )
    this.name = 'DataDirLockedError'
  }
}

export type ReleaseLock = () => Promise<void>

interface LockOwner {
  pid: number
  host: string
}

function ownerFile(dataDir: string): string {
  return path.join(dataDir, 'server.lock.owner.json')
}

function readOwner(dataDir: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(fs.readFileSync(ownerFile(dataDir), 'utf8')) as Partial<LockOwner>
    return typeof owner.pid === 'number' && typeof owner.host === 'string' ? { pid: owner.pid, host: owner.host } : undefined
  } catch {
    return undefined
  }
}

/** Folders this process holds: a second open in the same process is refused, never taken over. */
const heldHere = new Set<string>()

/** Whether the recorded owner is certainly gone: same machine and no such process (or it is us, restarted as the same pid in a container). */
function ownerIsDead(owner: LockOwner | undefined): boolean {
  if (!owner || owner.host !== os.hostname()) return false
  if (owner.pid === process.pid) return true
  try {
    process.kill(owner.pid, 0)
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH'
  }
  return isZombie(owner.pid)
}

/** On Linux a killed process stays in the table as a zombie until its parent reaps it: it is dead all the same. */
function isZombie(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')
  } catch {
    return false
  }
}

async function tryLock(dataDir: string, onCompromised: (error: Error) => void): Promise<() => Promise<void>> {
  return lockfile.lock(dataDir, {
    lockfilePath: path.join(dataDir, 'server.lock'),
    stale: STALE_MS,
    retries: 0,
    onCompromised,
  })
}

export async function lockDataDir(dataDir: string, onCompromised: (error: Error) => void): Promise<ReleaseLock> {
  fs.mkdirSync(dataDir, { recursive: true })
  let release: () => Promise<void>
  try {
    release = await tryLock(dataDir, onCompromised)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error
    if (heldHere.has(path.resolve(dataDir)) || !ownerIsDead(readOwner(dataDir))) throw new DataDirLockedError(dataDir)
    // The holder crashed: its lock is ours to remove. Should two restarts race here,
    // mkdir inside tryLock still lets only one of them win.
    fs.rmSync(path.join(dataDir, 'server.lock'), { recursive: true, force: true })
    try {
      release = await tryLock(dataDir, onCompromised)
    } catch (retryError) {
      if ((retryError as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataDirLockedError(dataDir)
      throw retryError
    }
  }
  fs.writeFileSync(ownerFile(dataDir), JSON.stringify({ pid: process.pid, host: os.hostname() } satisfies LockOwner))
  heldHere.add(path.resolve(dataDir))
  let released = false
  return async () => {
    if (released) return
    released = true
    heldHere.delete(path.resolve(dataDir))
    fs.rmSync(ownerFile(dataDir), { force: true })
    await release()
  }
}
