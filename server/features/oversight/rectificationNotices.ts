import { RectificationNotice } from '@domain/oversight'
import { rectificationOutcome } from '@domain/rectification'
import { rectificationState } from '@domain/rectificationFlow'
import { todayInShanghai } from '@domain/shanghaiTime'
import { Queryable } from '../../platform/db/database'
import { AttachmentUrlSigner } from '../../platform/storage/signedAttachmentUrl'
import { rectificationPhotoLinks } from '../complaint/uploads'
import { findReports, NoticeRow, ReportRow } from './rectificationRepository'

/**
 * Notices as both sides of the workbench read them: state (rectificationFlow.ts), public
 * outcome (rectification.ts) and every report with signed links to its photos.
 */
export async function toNotices(db: Queryable, photos: AttachmentUrlSigner, rows: NoticeRow[], now: Date): Promise<RectificationNotice[]> {
  const reports = await findReports(db, rows.map((r) => r.id))
  const links = await rectificationPhotoLinks(db, photos, reports.map((r) => r.id), now)
  const today = todayInShanghai(now)
  return rows.map((row) => {
    const own = reports.filter((r) => r.notice_id === row.id)
    const latest = own.at(-1)
    return {
      id: row.id,
      institution: { id: row.institution_id, name: row.institution_name },
      issuedOn: row.issued_on,
      dueOn: row.due_on,
      authority: row.authority,
      issue: row.issue,
      requirement: row.requirement,
      completedOn: row.completed_on,
      state: rectificationState({ completedOn: row.completed_on, latestVerdict: latest === undefined ? undefined : latest.verdict }),
      outcome: rectificationOutcome({ dueOn: row.due_on, completedOn: row.completed_on }, today),
      reports: own.map((report) => toReport(report, links.get(report.id) ?? [])),
    }
  })
}

function toReport(row: ReportRow, photos: { id: string; url: string }[]): RectificationNotice['reports'][number] {
  return {
    id: row.id,
    description: row.description,
    reportedAt: row.reported_at.toISOString(),
    reportedBy: row.reporter_nickname,
    photos,
    verdict: row.verdict,
    verdictReason: row.verdict_reason,
    verdictAt: row.verdict_at?.toISOString() ?? null,
  }
}
