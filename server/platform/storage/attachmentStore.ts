
/**
 * Private storage of complaint photos, by key. Nothing here is public: files leave only
 * through GET /api/v1/attachments/:id with a signed URL (signedAttachmentUrl.ts).
 */
export interface AttachmentStore {
  put(key: string, bytes: Buffer, contentType: string): Promise<void>
  /** The bytes, or null when there is no such object (purged). */
  get(key: string): Promise<Buffer | null>
  /** Deleting what is already gone is not an error (the retention job may retry). */
  delete(key: string): Promise<void>
}

/** Keys are made by the server (random, see uploads service); anything else is a bug. */
export const STORAGE_KEY = /^[a-z]+\/[A-Za-z0-9_-]{16,64}\.(jpg|png|webp)$/

export function assertStorageKey(key: string): void {
  if (!STORAGE_KEY.test(key)) throw new Error(`bad attachment storage key: ${key}`)
}


