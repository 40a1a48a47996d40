import { Rectification } from '@domain/complaint'
import { ReportVerdict } from '@domain/rectificationFlow'
import { Queryable } from '../../platform/db/database'

/** 整改通知 and their reports (migrations 001, 007, 020). Dates come back as "YYYY-MM-DD". */

export interface NoticeRow {
  id: string
  institution_id: string
  institution_name: string
  district_code: string
  issued_on: string
  due_on: string
  authority: string
  issue: string
  requirement: string
  completed_on: string | null
  issued_by: string | null
}

export interface ReportRow {
  id: string
  notice_id: string
  description: string
  reported_at: Date
  reporter_nickname: string | null
  verdict: Exclude<ReportVerdict, null> | null
  verdict_reason: string | null
  verdict_at: Date | null
}

const SELECT_NOTICE = `select n.id, n.institution_id, i.name as institution_name, i.district_code, n.issued_on, n.due_on, n.authority,
    n.issue, n.requirement, n.completed_on, n.issued_by
  from rectification_notices n join institutions i on i.id = n.institution_id`

export async function insertRectification(tx: Queryable, n: Rectification, complaintId: string | null, issuedBy: string): Promise<void> {
  await tx.query(
    `insert into rectification_notices (id, institution_id, issued_on, due_on, authority, issue, requirement, complaint_id, issued_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [n.id, n.institutionId, n.issuedOn, n.dueOn, n.authority, n.issue, n.requirement ?? '', complaintId, issuedBy],
  )
}

/** One notice; `forUpdate` locks it so two verdicts or two reports cannot cross. */
export async function findNotice(db: Queryable, id: string, forUpdate = false): Promise<NoticeRow | null> {
  const result = await db.query<NoticeRow>(`${SELECT_NOTICE} where n.id = $1 ${forUpdate ? 'for update of n' : ''}`, [id])
  return result.rows[0] ?? null
}

/** An institution's notices: open ones first (by deadline), then completed ones, newest first. */
export async function findNoticesOfInstitution(db: Queryable, institutionId: string): Promise<NoticeRow[]> {
  const result = await db.query<NoticeRow>(
    `${SELECT_NOTICE} where n.institution_id = $1
     order by (n.completed_on is null) desc, case when n.completed_on is null then n.due_on end, n.issued_on desc, n.id`,
    [institutionId],
  )
  return result.rows
}

export async function findReports(db: Queryable, noticeIds: string[]): Promise<ReportRow[]> {
  if (noticeIds.length === 0) return []
  const result = await db.query<ReportRow>(
    `select r.id, r.notice_id, r.description, r.reported_at, u.nickname as reporter_nickname, r.verdict, r.verdict_reason, r.verdict_at
     from rectification_reports r left join users u on u.id = r.reported_by
     where r.notice_id = any($1::text[]) order by r.reported_at, r.id`,
    [noticeIds],
  )
  return result.rows
}

export async function insertReport(tx: Queryable, r: { id: string; noticeId: string; description: string; reportedBy: string; at: Date }): Promise<void> {
  await tx.query(`insert into rectification_reports (id, notice_id, description, reported_by, reported_at) values ($1, $2, $3, $4, $5)`, [
    r.id,
    r.noticeId,
    r.description,
    r.reportedBy,
    r.at,
  ])
}

/** Decides the report waiting on a notice; false when none was waiting. */
export async function decideWaitingReport(
  tx: Queryable,
  noticeId: string,
  verdict: { verdict: 'accepted' | 'returned'; reason: string | null; by: string; at: Date },
): Promise<boolean> {
  const result = await tx.query(
    `update rectification_reports set verdict = $2, verdict_reason = $3, verdict_by = $4, verdict_at = $5
     where notice_id = $1 and verdict is null`,
    [noticeId, verdict.verdict, verdict.reason, verdict.by, verdict.at],
  )
  return result.rowCount === 1
}

export async function completeNotice(tx: Queryable, noticeId: string, completedOn: string): Promise<void> {
  await tx.query(`update rectification_notices set completed_on = $2 where id = $1`, [noticeId, completedOn])
}
