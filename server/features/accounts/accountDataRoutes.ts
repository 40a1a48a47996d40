import { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { AccountDeletionBodySchema, AccountDeletionSchema } from '@domain/accountData'
import { MyDataExportSchema } from '@domain/accountExport'
import { ErrorBodySchema } from '@domain/errors'
import { Database } from '../../platform/db/database'
import { AttachmentStore } from '../../platform/storage/attachmentStore'
import { deleteMyAccount, exportMyData } from './accountDeletion'
import { requireViewer } from './authentication'
import { AttachmentUrlSigner } from '../../platform/storage/signedAttachmentUrl'
import { KeyRing } from '../../platform/crypto/fieldCipher'

/** 个人信息副本 and 注销账号 (PIPL art. 45, 47). */
export function accountDataRoutes(db: Database, store: AttachmentStore, photos: AttachmentUrlSigner, keyRing: KeyRing): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/me/export',
      {
        schema: {
          summary: '个人信息副本：下载我的全部数据（JSON）',
          tags: ['me'],
          response: { 200: MyDataExportSchema, 401: ErrorBodySchema },
        },
      },
      async (request, reply) => {
        const data = await exportMyData(db, photos, keyRing, await requireViewer(db, request))
        return reply.header('content-disposition', `attachment; filename="anxin-my-data-${data.exportedAt.slice(0, 10)}.json"`).send(data)
      },
    )

    app.delete(
      '/me',
      {
        schema: {
          summary: '注销账号：删除孩子、预约、申请、同意记录和登录；投诉匿名保留给监管部门',
          tags: ['me'],
          body: AccountDeletionBodySchema,
          response: { 200: AccountDeletionSchema, 400: ErrorBodySchema, 401: ErrorBodySchema },
        },
      },
      async (request) => deleteMyAccount(db, store, await requireViewer(db, request)),
    )
  }
}
