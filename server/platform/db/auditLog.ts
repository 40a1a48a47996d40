import { Queryable } from './database'

/**
 * Who did what, when (the audit_log table of migration 007): staff actions on
 * complaints, and every grant, acceptance and revocation of a role. Written in the same
 * transaction as the change it records, so neither exists without the other.
 * actorUserId is a user id, or a name such as "cli:npm run admin" for the console.
 */
export async function insertAuditEntry(
  tx: Queryable,
  entry: { actorUserId: string; action: string; subjectKind: string; subjectId: string; detail?: Record<string, unknown> },
): Promise<void> {
  await tx.query(`insert into audit_log (actor_user_id, action, subject_kind, subject_id, detail) values ($1, $2, $3, $4, $5::jsonb)`, [
    entry.actorUserId,
    entry.action,
    entry.subjectKind,
    entry.subjectId,
    JSON.stringify(entry.detail ?? {}),
  ])
}

export interface AuditRow {
  actor_user_id: string
  action: string
  subject_kind: string
  subject_id: string
  detail: Record<string, unknown>
  at: Date
}

export async function auditEntriesFor(db: Queryable, subjectKind: string, subjectId: string): Promise<AuditRow[]> {
  const result = await db.query<AuditRow>(
    `select actor_user_id, action, subject_kind, subject_id, detail, at from audit_log where subject_kind = $1 and subject_id = $2 order by id`,
    [subjectKind, subjectId],
  )
  return result.rows
}

export interface AuditTrailRow extends AuditRow {
  /** The actor's nickname when the actor is a user who still exists. */
  actor_nickname: string | null
}

/** A subject's entries, oldest first, with the actor's nickname (the audit trail screens show). */
export async function auditTrailOf(db: Queryable, subjectKind: string, subjectId: string): Promise<AuditTrailRow[]> {
  const result = await db.query<AuditTrailRow>(
    `select a.actor_user_id, a.action, a.subject_kind, a.subject_id, a.detail, a.at, u.nickname as actor_nickname
     from audit_log a left join users u on u.id = a.actor_user_id
     where a.subject_kind = $1 and a.subject_id = $2 order by a.id`,
    [subjectKind, subjectId],
  )
  return result.rows
}
