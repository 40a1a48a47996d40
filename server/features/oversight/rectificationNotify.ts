import { Queryable } from '../../platform/db/database'
import { liveMemberUserIds } from '../accounts/members'
import { enqueueNotification } from '../notifications/outbox'
import { NoticeRow } from './rectificationRepository'

/*
 * Each step of a 整改通知 reaches the other side as a subscribe message (kind
 * rectification_status), queued in the step's transaction: a new notice and a returned
 * report reach everyone working at the institution; a report reaches the regulator who
 * issued the notice, or every regulator of the district for notices without an issuer.
 */

/** WeChat's phrase field holds five characters. */
export type NoticeStatusWord = '新通知' | '待核验' | '已整改' | '已退回'

function short(text: string, max = 20): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

async function notify(tx: Queryable, userIds: string[], notice: NoticeRow, status: NoticeStatusWord, note: string, stepKey: string): Promise<void> {
  for (const userId of userIds) {
    await enqueueNotification(tx, {
      userId,
      kind: 'rectification_status',
      subjectId: notice.id,
      // (kind, subject, key) is unique: one message per person per step.
      dedupeKey: `${stepKey}:${userId}`,
      payload: { institution: short(notice.institution_name), status, note: short(note) },
    })
  }
}

export async function notifyInstitution(tx: Queryable, notice: NoticeRow, status: NoticeStatusWord, note: string, stepKey: string): Promise<void> {
  await notify(tx, await liveMemberUserIds(tx, { institutionId: notice.institution_id }), notice, status, note, stepKey)
}

export async function notifyRegulators(tx: Queryable, notice: NoticeRow, note: string, stepKey: string): Promise<void> {
  const regulators = await liveMemberUserIds(tx, { districtCode: notice.district_code })
  const issuer = notice.issued_by !== null && regulators.includes(notice.issued_by) ? [notice.issued_by] : regulators
  await notify(tx, issuer, notice, '待核验', note, stepKey)
}
