import { AttachmentStore } from './attachmentStore'
import { LocalAttachmentStore } from './localAttachmentStore'
import { S3AttachmentStore } from './s3AttachmentStore'
import { S3Settings } from './s3Settings'

/** S3-compatible storage when configured, else a private local folder. */
export function createAttachmentStore(settings: { uploadDir: string; s3?: S3Settings }): AttachmentStore {
  return settings.s3 ? new S3AttachmentStore(settings.s3) : new LocalAttachmentStore(settings.uploadDir)
}
