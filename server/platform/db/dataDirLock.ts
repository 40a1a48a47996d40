import fs from 'node:fs'
import path from 'node:path'
import lockfile from 'proper-lockfile'

/*
 * PGlite's folder breaks if two processes open it. A lock directory next to the data,
 * refreshed while we run, keeps a second server out. A crashed server's lock goes
 * stale after STALE_MS and is then taken over.
 */
const STALE_MS = 10_000

export class DataDirLockedError extends Error {
  constructor(dataDir: string) {
    super(
      `数据目录正被另一个安心托育服务进程使用：${dataDir}。请先停止那个进程（若它已异常退出，请 10 秒后重试）。\n` +
        `The data folder ${dataDir} is in use by another 安心托育 server process. Stop it first ` +
        `(if it crashed, retry in 10 seconds).`,
    )
    this.name = 'DataDirLockedError'
  }
}

export type ReleaseLock = () => Promise<void>

export async function lockDataDir(dataDir: string, onCompromised: (error: Error) => void): Promise<ReleaseLock> {
  fs.mkdirSync(dataDir, { recursive: true })
  try {
    const release = await lockfile.lock(dataDir, {
      lockfilePath: path.join(dataDir, 'server.lock'),
      stale: STALE_MS,
      retries: 0,
      onCompromised,
    })
    let released = false
    return async () => {
      if (released) return
      released = true
      await release()
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataDirLockedError(dataDir)
    throw error
  }
}
