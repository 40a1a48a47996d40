import { Queryable } from '../../platform/db/database'
import { ConsentRow, listConsents as listConsentRows, recordConsent as recordConsentRow } from './consentRepository'

/*
 * Consents a parent gave (the privacy guide, guardian consent for a child's data;
 * docs/platform-notes.md, PIPL). Other features record them through these functions.
 */

export type ConsentKind = ConsentRow['kind']

export function recordConsent(db: Queryable, userId: string, kind: ConsentKind, version: string): Promise<void> {
  return recordConsentRow(db, userId, kind, version)
}

export function listConsents(db: Queryable, userId: string): Promise<ConsentRow[]> {
  return listConsentRows(db, userId)
}
