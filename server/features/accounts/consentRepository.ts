import { Queryable } from '../../platform/db/database'

export interface ConsentRow {
  kind: 'privacy_guide' | 'child_data'
  version: string
  given_at: Date
}

/** Records a consent; agreeing again to the same version keeps the first time. */
export async function recordConsent(db: Queryable, userId: string, kind: ConsentRow['kind'], version: string): Promise<void> {
  await db.query(
    `insert into consents (user_id, kind, version) values ($1, $2, $3)
     on conflict (user_id, kind, version) do nothing`,
    [userId, kind, version],
  )
}

export async function listConsents(db: Queryable, userId: string): Promise<ConsentRow[]> {
  const result = await db.query<ConsentRow>(`select kind, version, given_at from consents where user_id = $1 order by given_at, kind, version`, [userId])
  return result.rows
}
