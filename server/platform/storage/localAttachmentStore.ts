import fs from 'node:fs/promises'
import path from 'node:path'
import crypto from 'node:crypto'
import { AttachmentStore, assertStorageKey } from './attachmentStore'

/**
 * Photos as files under UPLOAD_DIR (default DATA_DIR/uploads), readable only by the
 * server's user (0700 folders, 0600 files). Writes go to a temporary name first and are
 * renamed, so a crash never leaves half a photo under a real key.
 */
export class LocalAttachmentStore implements AttachmentStore {
  constructor(private readonly root: string) {}

  private file(key: string): string {
    assertStorageKey(key)
    return path.join(this.root, ...key.split('/'))
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const file = this.file(key)
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 })
    const partial = `${file}.${crypto.randomBytes(6).toString('hex')}.partial`
    await fs.writeFile(partial, bytes, { mode: 0o600 })
    await fs.rename(partial, file)
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await fs.readFile(this.file(key))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.file(key), { force: true })
  }
}
