import { PRIVACY_GUIDE_VERSION } from '@domain/account'
import { Child, ChildCreateBody } from '@domain/child'
import { inShanghai } from '@domain/shanghaiTime'
import { Database } from '../../platform/db/database'
import { ChildRow, deleteChild, findChildOfUser, insertChild, listChildren } from './childRepository'
import { recordConsent } from '../accounts/consents'
import { ApiError } from '../../platform/http/apiError'
import { Viewer } from '../accounts/authentication'
import { releaseChildReferences } from './childRelease'

/** The guardian consent (PIPL art. 31) is given to the child-data section of this privacy guide version. */
export const CHILD_DATA_CONSENT_VERSION = PRIVACY_GUIDE_VERSION

const childNotFound = () => new ApiError('NOT_FOUND', '没有找到这个孩子')

function toChild(row: ChildRow): Child {
  return { id: row.id, nickname: row.nickname, birthDate: row.birth_date, dueDate: row.due_date, createdAt: inShanghai(row.created_at).format() }
}

export async function myChildren(db: Database, viewer: Viewer): Promise<Child[]> {
  return (await listChildren(db, viewer.userId)).map(toChild)
}

/** One of the parent's children; another parent's child is "not found", never "forbidden". */
export async function myChild(db: Database, viewer: Viewer, childId: string): Promise<Child> {
  const row = await findChildOfUser(db, viewer.userId, childId)
  if (!row) throw childNotFound()
  return toChild(row)
}

/** Adds a child and records the guardian's separate consent in the same transaction. */
export async function addChild(db: Database, viewer: Viewer, body: ChildCreateBody): Promise<Child> {
  return db.transaction(async (tx) => {
    await recordConsent(tx, viewer.userId, 'child_data', CHILD_DATA_CONSENT_VERSION)
    return toChild(await insertChild(tx, viewer.userId, body))
  })
}

/**
 * Deletes the child's data for good (PIPL art. 47): its active bookings are cancelled
 * (freeing their places), its applications withdrawn, and what institutions must keep
 * is anonymised — all in the transaction that deletes the child.
 */
export async function removeChild(db: Database, viewer: Viewer, childId: string): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await findChildOfUser(tx, viewer.userId, childId, true))) throw childNotFound()
    await releaseChildReferences(tx, childId)
    await deleteChild(tx, childId)
  })
}
