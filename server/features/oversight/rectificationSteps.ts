import crypto from 'node:crypto'
import { RectificationNotice, RectificationReportBody } from '@domain/oversight'
import { nextRectificationState, RectificationStep, rectificationState } from '@domain/rectificationFlow'
import { todayInShanghai } from '@domain/shanghaiTime'
import { Database, Queryable } from '../../platform/db/database'
import { insertAuditEntry } from '../../platform/db/auditLog'
import { ApiError } from '../../platform/http/apiError'
import { AttachmentUrlSigner } from '../../platform/storage/signedAttachmentUrl'
import { Viewer } from '../accounts/authentication'
import { claimRectificationPhotos } from '../complaint/uploads'
import { Regulator } from './rectificationIssue'
import { completeNotice, decideWaitingReport, findNotice, findReports, insertReport, NoticeRow } from './rectificationRepository'
import { toNotices } from './rectificationNotices'
import { notifyInstitution, notifyRegulators } from './rectificationNotify'

/*
 * The steps after a notice is issued: the institution reports it done (with photos), the
 * regulator accepts (completed_on set: the public page shows 已整改, on time or late) or
 * sends it back with a reason. Each step locks the notice, checks the rule
 * (rectificationFlow.ts), writes, audits and notifies the other side in one transaction.
 */

type Staff = Viewer & { staffInstitutionId: string }

const notFound = () => new ApiError('NOT_FOUND', '没有找到这份整改通知')

const STEP_VERBS: Record<RectificationStep, string> = { report: '报告整改完成', accept: '核验通过', return: '退回' }

/** The notice locked, with the state the step leads to; someone else's notice reads as absent. */
async function lockForStep(tx: Queryable, id: string, step: RectificationStep, mayAct: (n: NoticeRow) => boolean): Promise<NoticeRow> {
  const notice = await findNotice(tx, id, true)
  if (!notice || !mayAct(notice)) throw notFound()
  const reports = await findReports(tx, [notice.id])
  const state = rectificationState({ completedOn: notice.completed_on, latestVerdict: reports.at(-1)?.verdict })
  if (nextRectificationState(state, step) === null) throw new ApiError('CONFLICT', `这份整改通知当前不能${STEP_VERBS[step]}，请刷新后再试`)
  return notice
}

async function reread(tx: Queryable, photos: AttachmentUrlSigner, id: string, now: Date): Promise<RectificationNotice> {
  return (await toNotices(tx, photos, [(await findNotice(tx, id))!], now))[0]
}

/** POST /staff/rectifications/:id/report — the institution's 整改完成报告. */
export async function reportRectification(
  db: Database,
  photos: AttachmentUrlSigner,
  staff: Staff,
  id: string,
  body: RectificationReportBody,
  now: Date = new Date(),
): Promise<RectificationNotice> {
  return db.transaction(async (tx) => {
    const notice = await lockForStep(tx, id, 'report', (n) => n.institution_id === staff.staffInstitutionId)
    const reportId = crypto.randomUUID()
    await insertReport(tx, { id: reportId, noticeId: notice.id, description: body.description, reportedBy: staff.userId, at: now })
    await claimRectificationPhotos(tx, staff.userId, reportId, body.attachments ?? [])
    await insertAuditEntry(tx, {
      actorUserId: staff.userId,
      action: 'rectification.report',
      subjectKind: 'rectification',
      subjectId: notice.id,
      detail: { reportId, photos: (body.attachments ?? []).length },
    })
    await notifyRegulators(tx, notice, '机构已报告整改完成', `report:${reportId}`)
    return reread(tx, photos, notice.id, now)
  })
}

/** POST /staff/rectifications/:id/accept (核验通过) or /return (退回, with the reason the institution reads). */
export async function verifyRectification(
  db: Database,
  photos: AttachmentUrlSigner,
  regulator: Regulator,
  id: string,
  verdict: { step: 'accept'; note: string | null } | { step: 'return'; reason: string },
  now: Date = new Date(),
): Promise<RectificationNotice> {
  return db.transaction(async (tx) => {
    const notice = await lockForStep(tx, id, verdict.step, (n) => n.district_code === regulator.regulatorDistrictCode)
    const reason = verdict.step === 'return' ? verdict.reason : verdict.note
    const decided = await decideWaitingReport(tx, notice.id, {
      verdict: verdict.step === 'accept' ? 'accepted' : 'returned',
      reason,
      by: regulator.userId,
      at: now,
    })
    if (!decided) throw new ApiError('CONFLICT', '这份整改通知没有待核验的报告，请刷新后再试')
    const completedOn = todayInShanghai(now)
    if (verdict.step === 'accept') await completeNotice(tx, notice.id, completedOn)
    await insertAuditEntry(tx, {
      actorUserId: regulator.userId,
      action: `rectification.${verdict.step}`,
      subjectKind: 'rectification',
      subjectId: notice.id,
      detail: verdict.step === 'accept' ? { completedOn, note: reason } : { reason },
    })
    const at = now.toISOString()
    if (verdict.step === 'accept') await notifyInstitution(tx, notice, '已整改', `核验通过 ${completedOn}`, `accepted@${at}`)
    else await notifyInstitution(tx, notice, '已退回', verdict.reason, `returned@${at}`)
    return reread(tx, photos, notice.id, now)
  })
}
