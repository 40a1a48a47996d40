import {
  Complaint,
  COMPLAINT_CATEGORY_LABELS,
  COMPLAINT_STATUS_LABELS,
  ComplaintTimelineEntry,
  StaffComplaint,
} from '@domain/complaint'
import { canGiveFeedback, FeedbackState, isOverdue, reexaminationUntil } from '@domain/complaintRules'
import { Queryable } from '../../platform/db/database'
import { attachmentIdsOfComplaint } from './attachmentRepository'
import { ComplaintEventRow, ComplaintRow, findEvents } from './complaintRepository'
import { isoTime } from '../../platform/db/isoTime'
import { AttachmentUrlSigner } from '../../platform/storage/signedAttachmentUrl'

/*
 * What each audience sees of a complaint. The complainant's user id, phone and
 * nickname are in no view but the owner's (and there only the phone's last four):
 * the regulator's view is built from an explicit list of fields, never by spreading a row.
 */

export type ComplaintAudience = 'owner' | 'lookup'

function core(row: ComplaintRow, events: ComplaintEventRow[]) {
  return {
    trackingNo: row.tracking_no,
    status: row.status,
    statusLabel: COMPLAINT_STATUS_LABELS[row.status],
    category: row.category,
    categoryLabel: COMPLAINT_CATEGORY_LABELS[row.category],
    urgency: row.urgent ? ('urgent' as const) : ('ordinary' as const),
    institution: {
      id: row.institution_id,
      name: row.institution_name,
      address: row.institution_address,
      district: row.district_code,
      listed: row.listed,
    },
    occurredAt: isoTime(row.occurred_at),
    createdAt: isoTime(row.created_at),
    acceptBy: isoTime(row.accept_by),
    dueBy: isoTime(row.due_by),
    timeline: events.filter((e) => e.complaint_id === row.id).map(toTimelineEntry),
    feedback:
      row.feedback_satisfied === null || row.feedback_at === null
        ? null
        : { satisfied: row.feedback_satisfied, comment: row.feedback_comment, at: isoTime(row.feedback_at) },
  }
}

function toTimelineEntry(e: ComplaintEventRow): ComplaintTimelineEntry {
  return { status: e.status, at: isoTime(e.at), note: e.note }
}

export function feedbackState(row: ComplaintRow): FeedbackState {
  return {
    status: row.status,
    resolvedAt: row.resolved_at,
    feedbackGiven: row.feedback_at !== null,
    satisfied: row.feedback_satisfied,
    reexaminationRequested: row.reexamination_requested_at !== null,
  }
}

async function attachmentsOf(db: Queryable, photos: AttachmentUrlSigner, complaintId: string, now: Date): Promise<{ id: string; url: string }[]> {
  const ids = await attachmentIdsOfComplaint(db, complaintId)
  return ids.map((id) => ({ id, url: photos.url(id, now) }))
}

/** The complainant's view; photos only for the signed-in owner, not for a phone-digits lookup. */
export async function toComplaint(db: Queryable, photos: AttachmentUrlSigner, row: ComplaintRow, audience: ComplaintAudience, now: Date, events?: ComplaintEventRow[]): Promise<Complaint> {
  const state = feedbackState(row)
  const until = reexaminationUntil(state)
  const view: Complaint = {
    ...core(row, events ?? (await findEvents(db, [row.id]))),
    description: row.description,
    anonymous: row.anonymous,
    phoneLast4: row.phone_last4,
    canGiveFeedback: canGiveFeedback(state),
    reexaminationUntil: until !== null && until > now ? isoTime(until) : null,
  }
  if (audience === 'owner') view.attachments = await attachmentsOf(db, photos, row.id, now)
  return view
}

/** The handling regulator's view: what happened and the photos, never who complained. */
export async function toStaffComplaint(db: Queryable, photos: AttachmentUrlSigner, row: ComplaintRow, now: Date, events?: ComplaintEventRow[]): Promise<StaffComplaint> {
  return {
    ...core(row, events ?? (await findEvents(db, [row.id]))),
    description: row.description,
    overdue: isOverdue(row.status, { acceptBy: row.accept_by, dueBy: row.due_by }, now),
    attachments: await attachmentsOf(db, photos, row.id, now),
  }
}
