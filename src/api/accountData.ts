import { ACCOUNT_DELETION_CONFIRMATION, AccountDeletion, AccountDeletionSchema, MyDataExportFile, MyDataExportFileSchema } from '@domain/accountData'
import { requestJson } from './client'

/** 个人信息副本 (PIPL art. 45): everything the service keeps about the parent. */
export function exportMyData(): Promise<MyDataExportFile> {
  return requestJson('GET', '/api/v1/me/export', MyDataExportFileSchema, { auth: true })
}

/** 注销账号 (PIPL art. 47), confirmed with the words the parent typed. */
export function deleteMyAccount(confirm: string): Promise<AccountDeletion> {
  return requestJson('DELETE', '/api/v1/me', AccountDeletionSchema, { auth: true, body: { confirm } })
}

export { ACCOUNT_DELETION_CONFIRMATION }
