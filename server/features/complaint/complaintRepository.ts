import { ComplaintCategory, ComplaintStatus } from '@domain/complaint'
import { Queryable } from '../../platform/db/database'
import { KeyRing } from '../../platform/crypto/fieldCipher'

/*
 * Complaints and their timeline. The row carries the complainant (user_id,
 * contact_phone); the mappers in complaintViews.ts decide what each audience sees.
 */

export interface ComplaintRow {
  id: string
  tracking_no: string
  user_id: string | null
  institution_id: string | null
  institution_name: string
  institution_address: string | null
  listed: boolean
  district_code: string
  category: ComplaintCategory
  urgent: boolean
  description: string
  occurred_at: Date
  anonymous: boolean
  phone_last4: string
  status: ComplaintStatus
  accept_by: Date
  due_by: Date
  resolved_at: Date | null
  feedback_satisfied: boolean | null
  feedback_comment: string | null
  feedback_at: Date | null
  reexamination_requested_at: Date | null
  created_at: Date
}

export interface ComplaintEventRow {
  complaint_id: string
  status: ComplaintStatus
  note: string | null
  at: Date
}

const COLUMNS = `id, tracking_no, user_id, institution_id, institution_name, institution_address, listed, district_code,
  category, urgent, description, occurred_at, anonymous, phone_last4, status, accept_by, due_by, resolved_at,
  feedback_satisfied, feedback_comment, feedback_at, reexamination_requested_at, created_at`

export interface NewComplaint {
  id: string
  trackingNo: string
  userId: string
  institutionId: string | null
  institutionName: string
  institutionAddress: string | null
  listed: boolean
  districtCode: string
  category: ComplaintCategory
  urgent: boolean
  description: string
  occurredAt: string
  anonymous: boolean
  contactPhone: string
  acceptBy: Date
  dueBy: Date
}

/** Inserts the complaint; false when the tracking number is taken (the caller draws another). */
export async function insertComplaint(tx: Queryable, keyRing: KeyRing, c: NewComplaint): Promise<boolean> {
  const result = await tx.query(
    `insert into complaints (id, tracking_no, user_id, institution_id, institution_name, institution_address, listed,
       district_code, category, urgent, description, occurred_at, anonymous, contact_phone, phone_last4, accept_by, due_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $17, $15, $16)
     on conflict (tracking_no) do nothing`,
    [
      c.id, c.trackingNo, c.userId, c.institutionId, c.institutionName, c.institutionAddress, c.listed,
      c.districtCode, c.category, c.urgent, c.description, c.occurredAt, c.anonymous, keyRing.encrypt(c.contactPhone), c.acceptBy, c.dueBy,
      // The lookup proof 马上查 compares; the number itself is encrypted at rest.
      c.contactPhone.slice(-4),
    ],
  )
  return result.rowCount === 1
}

export async function findComplaintByTrackingNo(db: Queryable, trackingNo: string, forUpdate = false): Promise<ComplaintRow | null> {
  const result = await db.query<ComplaintRow>(
    `select ${COLUMNS} from complaints where tracking_no = $1${forUpdate ? ' for update' : ''}`,
    [trackingNo],
  )
  return result.rows[0] ?? null
}

export async function findComplaintsOfUser(db: Queryable, userId: string, limit: number, offset: number): Promise<ComplaintRow[]> {
  const result = await db.query<ComplaintRow>(
    `select ${COLUMNS} from complaints where user_id = $1 order by created_at desc, id limit $2 offset $3`,
    [userId, limit, offset],
  )
  return result.rows
}

/**
 * A district's queue: open complaints first, urgent before ordinary, then the nearest
 * deadline (acceptance while unaccepted, else the answer); closed ones last, newest first.
 */
export async function findDistrictQueue(db: Queryable, districtCode: string, statuses: ComplaintStatus[] | null, limit: number, offset: number): Promise<ComplaintRow[]> {
  const result = await db.query<ComplaintRow>(
    `select ${COLUMNS} from complaints
     where district_code = $1 and ($2::text[] is null or status = any($2::text[]))
     order by (status in ('resolved', 'rejected')),
              urgent desc,
              case when status = 'submitted' then accept_by else due_by end,
              created_at desc, id
     limit $3 offset $4`,
    [districtCode, statuses, limit, offset],
  )
  return result.rows
}

export async function findEvents(db: Queryable, complaintIds: string[]): Promise<ComplaintEventRow[]> {
  if (complaintIds.length === 0) return []
  const result = await db.query<ComplaintEventRow>(
    `select complaint_id, status, note, at from complaint_events where complaint_id = any($1::text[]) order by id`,
    [complaintIds],
  )
  return result.rows
}

export async function insertEvent(tx: Queryable, complaintId: string, status: ComplaintStatus, note: string | null, actorUserId: string | null): Promise<void> {
  await tx.query(`insert into complaint_events (complaint_id, status, note, actor_user_id) values ($1, $2, $3, $4)`, [
    complaintId, status, note, actorUserId,
  ])
}

export interface StatusChange {
  status: ComplaintStatus
  resolvedAt?: Date | null
  dueBy?: Date
  acceptBy?: Date
  reexaminationRequestedAt?: Date
}

export async function updateComplaintStatus(tx: Queryable, id: string, change: StatusChange): Promise<void> {
  await tx.query(
    `update complaints set status = $2,
       resolved_at = case when $3::boolean then $4::timestamptz else resolved_at end,
       due_by = coalesce($5::timestamptz, due_by),
       accept_by = coalesce($6::timestamptz, accept_by),
       reexamination_requested_at = coalesce($7::timestamptz, reexamination_requested_at),
       updated_at = now()
     where id = $1`,
    [id, change.status, change.resolvedAt !== undefined, change.resolvedAt ?? null, change.dueBy ?? null, change.acceptBy ?? null, change.reexaminationRequestedAt ?? null],
  )
}

export async function saveFeedback(tx: Queryable, id: string, satisfied: boolean, comment: string | null): Promise<void> {
  await tx.query(
    `update complaints set feedback_satisfied = $2, feedback_comment = $3, feedback_at = now(), updated_at = now() where id = $1`,
    [id, satisfied, comment],
  )
}

/** Counts by outcome for an institution's public page: numbers only, never who. */
export async function countComplaintsByStatus(db: Queryable, institutionId: string): Promise<Map<ComplaintStatus, number>> {
  const result = await db.query<{ status: ComplaintStatus; n: number }>(
    `select status, count(*)::int as n from complaints where institution_id = $1 group by status`,
    [institutionId],
  )
  return new Map(result.rows.map((r) => [r.status, r.n]))
}

/**
 * Counts one anonymous lookup of a tracking number in the current window and returns
 * the window's count. Runs for every anonymous lookup, existing number or not, so the
 * work done does not tell the two apart.
 */
export async function countLookup(db: Queryable, trackingNo: string, windowSeconds: number): Promise<number> {
  const result = await db.query<{ attempts: number }>(
    `insert into complaint_lookup_windows (tracking_no, window_start, attempts)
     values ($1, to_timestamp(floor(extract(epoch from now()) / $2) * $2), 1)
     on conflict (tracking_no, window_start) do update set attempts = complaint_lookup_windows.attempts + 1
     returning attempts`,
    [trackingNo, windowSeconds],
  )
  return result.rows[0].attempts
}

/** Deletes lookup counts of windows that started before `before`. */
export async function deleteLookupWindowsBefore(db: Queryable, before: Date): Promise<number> {
  const result = await db.query(`delete from complaint_lookup_windows where window_start < $1`, [before])
  return result.rowCount
}

export interface InstitutionForComplaint {
  id: string
  name: string
  address: string
  district_code: string
}

export async function findInstitutionForComplaint(db: Queryable, id: string): Promise<InstitutionForComplaint | null> {
  const result = await db.query<InstitutionForComplaint>(`select id, name, address, district_code from institutions where id = $1`, [id])
  return result.rows[0] ?? null
}

/** A district named by its code or its name (朝阳区), as its code; null if unknown. */

