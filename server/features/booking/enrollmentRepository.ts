import { CareMode } from '@domain/careMode'
import { Enrollment, EnrollmentStatus } from '@domain/enrollment'
import { OPEN_ENROLLMENT_STATUSES } from '@domain/enrollmentRules'
import { maskPhone } from '@domain/phone'
import { Queryable } from '../../platform/db/database'
import { isoTime } from '../../platform/db/isoTime'
import { KeyRing } from '../../platform/crypto/fieldCipher'

const OPEN = OPEN_ENROLLMENT_STATUSES as string[]

export interface EnrollmentRow {
  id: string
  institution_id: string
  institution_name: string
  user_id: string
  child_id: string | null
  child_nickname: string
  care_mode: CareMode
  start_month: string
  contact_phone: string
  status: EnrollmentStatus
  created_at: Date
  updated_at: Date
  /** Rank in the institution's waitlist by (created_at, id), computed on read; null unless waitlisted. */
  waitlist_position: number | null
}

const ENROLLMENT_SELECT = `
  select e.id, e.institution_id, i.name as institution_name, e.user_id, e.child_id, e.child_nickname,
         e.care_mode, e.start_month, e.contact_phone, e.status, e.created_at, e.updated_at,
         case when e.status = 'waitlisted' then (
           select count(*) from enrollments w
           where w.institution_id = e.institution_id and w.status = 'waitlisted'
             and (w.created_at, w.id) <= (e.created_at, e.id)
         ) end as waitlist_position
  from enrollments e join institutions i on i.id = e.institution_id`

/** The parent who applied sees their number; staff see it masked (after decryption). */
export function toEnrollment(keyRing: KeyRing, row: EnrollmentRow, audience: 'owner' | 'staff'): Enrollment {
  const phone = keyRing.decrypt(row.contact_phone)
  return {
    id: row.id,
    status: row.status,
    waitlistPosition: row.waitlist_position,
    institution: { id: row.institution_id, name: row.institution_name },
    child: { id: row.child_id ?? '', nickname: row.child_nickname },
    careMode: row.care_mode,
    startMonth: row.start_month,
    contactPhone: audience === 'owner' ? phone : maskPhone(phone),
    createdAt: isoTime(row.created_at),
    updatedAt: isoTime(row.updated_at),
  }
}

export async function findEnrollmentOfUser(db: Queryable, id: string, userId: string): Promise<EnrollmentRow | undefined> {
  const result = await db.query<EnrollmentRow>(`${ENROLLMENT_SELECT} where e.id = $1 and e.user_id = $2`, [id, userId])
  return result.rows[0]
}

export async function findEnrollmentOfInstitution(db: Queryable, id: string, institutionId: string): Promise<EnrollmentRow | undefined> {
  const result = await db.query<EnrollmentRow>(`${ENROLLMENT_SELECT} where e.id = $1 and e.institution_id = $2`, [id, institutionId])
  return result.rows[0]
}

export async function listEnrollmentsOfUser(db: Queryable, userId: string): Promise<EnrollmentRow[]> {
  const result = await db.query<EnrollmentRow>(`${ENROLLMENT_SELECT} where e.user_id = $1 order by e.created_at desc, e.id`, [userId])
  return result.rows
}

/** Staff list: waitlisted ones in line order, the rest newest first. */
export async function listEnrollmentsOfInstitution(
  db: Queryable,
  institutionId: string,
  status: EnrollmentStatus | undefined,
  limit: number,
  offset = 0,
): Promise<EnrollmentRow[]> {
  const result = await db.query<EnrollmentRow>(
    `${ENROLLMENT_SELECT}
     where e.institution_id = $1 and ($2::text is null or e.status = $2)
     order by case when e.status = 'waitlisted' then 0 else 1 end,
              case when e.status = 'waitlisted' then e.created_at end asc,
              e.created_at desc, e.id
     limit $3 offset $4`,
    [institutionId, status ?? null, limit, offset],
  )
  return result.rows
}

export interface InstitutionForEnrollment {
  id: string
  name: string
  capacity: number
  enrolled: number
  min_age_months: number
  max_age_months: number
  care_modes: CareMode[]
}

/**
 * The institution row, locked until the transaction ends: every decision about its
 * vacancies (submit or waitlist, promote, admit) is taken one at a time.
 */
export async function lockInstitutionForEnrollment(tx: Queryable, institutionId: string): Promise<InstitutionForEnrollment | undefined> {
  const locked = await tx.query<Omit<InstitutionForEnrollment, 'care_modes'>>(
    `select id, name, capacity, enrolled, min_age_months, max_age_months from institutions where id = $1 for update`,
    [institutionId],
  )
  const row = locked.rows[0]
  if (!row) return undefined
  const modes = await tx.query<{ mode: CareMode }>(`select mode from institution_care_modes where institution_id = $1`, [institutionId])
  return { ...row, care_modes: modes.rows.map((m) => m.mode) }
}

export async function countSubmitted(tx: Queryable, institutionId: string): Promise<number> {
  const result = await tx.query<{ count: number }>(
    `select count(*) as count from enrollments where institution_id = $1 and status = 'submitted'`,
    [institutionId],
  )
  return result.rows[0].count
}

export async function hasOpenEnrollment(tx: Queryable, institutionId: string, childId: string): Promise<boolean> {
  const result = await tx.query(`select 1 from enrollments where institution_id = $1 and child_id = $2 and status = any($3::text[])`, [
    institutionId,
    childId,
    OPEN,
  ])
  return result.rowCount > 0
}

export interface NewEnrollment {
  id: string
  institutionId: string
  userId: string
  childId: string
  childNickname: string
  careMode: CareMode
  startMonth: string
  contactPhone: string
  status: EnrollmentStatus
}

/** clock_timestamp(), not now(): the line order is the order decisions were taken under the lock. */
export async function insertEnrollment(tx: Queryable, keyRing: KeyRing, e: NewEnrollment): Promise<void> {
  await tx.query(
    `insert into enrollments (id, institution_id, user_id, child_id, child_nickname, care_mode, start_month, contact_phone, status, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, clock_timestamp(), clock_timestamp())`,
    [e.id, e.institutionId, e.userId, e.childId, e.childNickname, e.careMode, e.startMonth, keyRing.encrypt(e.contactPhone), e.status],
  )
}

export async function transitionEnrollment(
  tx: Queryable,
  id: string,
  from: readonly EnrollmentStatus[],
  to: EnrollmentStatus,
): Promise<{ institution_id: string; user_id: string } | undefined> {
  const result = await tx.query<{ institution_id: string; user_id: string }>(
    `update enrollments set status = $3, updated_at = now()
     where id = $1 and status = any($2::text[])
     returning institution_id, user_id`,
    [id, from as string[], to],
  )
  return result.rows[0]
}

/** Moves the head of the waitlist up to submitted, `count` of them; returns who moved. */
export async function promoteFromWaitlist(tx: Queryable, institutionId: string, count: number): Promise<{ id: string; user_id: string }[]> {
  if (count <= 0) return []
  const result = await tx.query<{ id: string; user_id: string }>(
    `update enrollments set status = 'submitted', updated_at = now()
     where id in (
       select id from enrollments
       where institution_id = $1 and status = 'waitlisted'
       order by created_at, id
       limit $2
     )
     returning id, user_id`,
    [institutionId, count],
  )
  return result.rows
}

export async function openEnrollmentsOfChild(tx: Queryable, childId: string): Promise<{ id: string; institution_id: string }[]> {
  const result = await tx.query<{ id: string; institution_id: string }>(
    `select id, institution_id from enrollments where child_id = $1 and status = any($2::text[]) order by institution_id`,
    [childId, OPEN],
  )
  return result.rows
}

export async function anonymiseChildInEnrollments(tx: Queryable, childId: string, label: string): Promise<void> {
  await tx.query(`update enrollments set child_id = null, child_nickname = $2, updated_at = now() where child_id = $1`, [childId, label])
}

/** One place taken by an admitted child, guarded like a slot's: never past capacity. */
export async function takeEnrollmentPlace(tx: Queryable, institutionId: string): Promise<boolean> {
  const result = await tx.query(
    `update institutions set enrolled = enrolled + 1, updated_at = now() where id = $1 and enrolled < capacity`,
    [institutionId],
  )
  return result.rowCount === 1
}
