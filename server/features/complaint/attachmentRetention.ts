import { Database } from '../../platform/db/database'
import { deleteAttachmentRow, expiredAttachments } from './attachmentRepository'
import { AttachmentStore } from '../../platform/storage/attachmentStore'

const DAY_MS = 24 * 60 * 60 * 1000
/** Files deleted per batch; a round continues until nothing is due. */
const BATCH = 100

/**
 * Deletes complaint photos after ATTACHMENT_RETENTION_DAYS, and uploads nobody attached
 * to a complaint after a day. The file goes first, then its row: a crash in between
 * leaves the row, and the next round deletes the (already missing) file again and the
 * row. Several servers may run it at once: deleting twice is harmless.
 */
export class AttachmentRetention {
  private stopping = false

  constructor(
    private readonly db: Database,
    private readonly store: AttachmentStore,
    private readonly retentionDays: number,
  ) {}

  /** One round now; returns how many photos were deleted (tests call it directly). */
  async runOnce(now: Date = new Date()): Promise<number> {
    const claimedBefore = new Date(now.getTime() - this.retentionDays * DAY_MS)
    const unclaimedBefore = new Date(now.getTime() - DAY_MS)
    let deleted = 0
    for (;;) {
      const due = await expiredAttachments(this.db, claimedBefore, unclaimedBefore, BATCH)
      for (const attachment of due) {
        await this.store.delete(attachment.storage_key)
        await deleteAttachmentRow(this.db, attachment.id)
        deleted += 1
      }
      if (due.length < BATCH || this.stopping) return deleted
    }
  }

  /** Ends a round in progress after its current batch (the server is closing). */
  stop(): void {
    this.stopping = true
  }
}
