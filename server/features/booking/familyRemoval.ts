import { Child } from '@domain/child'
import { MyBookings } from '@domain/myBookings'
import { Database, Transaction } from '../../platform/db/database'
import { deleteChild, listChildren } from './childRepository'
import { releaseChildReferences } from './childRelease'
import { myChildren } from './children'
import { myBookings } from './myBookings'
import { Viewer } from '../accounts/authentication'
import { KeyRing } from '../../platform/crypto/fieldCipher'

/*
 * The booking side of 注销账号 (accounts/accountDeletion.ts): every child of the parent
 * is removed as when the parent deletes one (childRelease.ts) — active bookings
 * cancelled through the capacity guard so their places free, open applications
 * withdrawn so the waitlist moves up. The bookings and applications themselves go with
 * the user row.
 */
export async function removeFamilyOf(tx: Transaction, userId: string): Promise<number> {
  const children = await listChildren(tx, userId)
  for (const child of children) {
    await releaseChildReferences(tx, child.id)
    await deleteChild(tx, child.id)
  }
  return children.length
}

/** The parent's children, bookings and applications, for the copy of their data (PIPL art. 45). */
export async function familyCopyOf(db: Database, keyRing: KeyRing, viewer: Viewer): Promise<{ children: Child[]; bookings: MyBookings['items'] }> {
  return { children: await myChildren(db, viewer), bookings: (await myBookings(db, keyRing, viewer, { limit: Number.MAX_SAFE_INTEGER })).items }
}
