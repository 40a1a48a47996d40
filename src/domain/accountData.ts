import { z } from 'zod'

/*
 * 个人信息副本 (PIPL art. 45): GET /api/v1/me/export, everything the service keeps about
 * the signed-in parent, as one JSON file; and 注销账号 (art. 47): DELETE /api/v1/me.
 */

/**
 * What the app needs of the 个人信息副本 it saves as a file: the envelope. The whole shape
 * is MyDataExportSchema (accountExport.ts), which the server answers with; kept out of this
 * module so the main package does not carry every schema the copy holds.
 */
export const MyDataExportFileSchema = z.looseObject({ exportedAt: z.string() })
export type MyDataExportFile = z.infer<typeof MyDataExportFileSchema>

/** DELETE /api/v1/me must be confirmed with the words the parent typed (a tap alone is too easy). */
export const ACCOUNT_DELETION_CONFIRMATION = '注销账号'
export const AccountDeletionBodySchema = z.object({
  confirm: z.literal(ACCOUNT_DELETION_CONFIRMATION, { error: `请输入“${ACCOUNT_DELETION_CONFIRMATION}”确认` }),
})

export const AccountDeletionSchema = z.object({
  children: z.number().int(),
  complaintsAnonymised: z.number().int(),
  reviewsRemoved: z.number().int(),
  photosDeleted: z.number().int(),
})
export type AccountDeletion = z.infer<typeof AccountDeletionSchema>
