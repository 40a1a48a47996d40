import {
  Complaint,
  ComplaintCreateBody,
  ComplaintCreated,
  ComplaintCreatedSchema,
  ComplaintFeedbackBody,
  ComplaintListSchema,
  ComplaintReexaminationBody,
  ComplaintSchema,
} from '@domain/complaint'
import { requestJson } from './client'
import { Page } from '@domain/page'

/** 投诉马上查 (docs/api.md "Complaints"): file, look up, follow, and answer a complaint. */

const path = (trackingNo: string, tail = '') => `/api/v1/complaints/${encodeURIComponent(trackingNo)}${tail}`

export function fileComplaint(body: ComplaintCreateBody): Promise<ComplaintCreated> {
  return requestJson('POST', '/api/v1/complaints', ComplaintCreatedSchema, { auth: true, body })
}

/**
 * 马上查: with the phone's last four digits anyone holding the number may look, without
 * signing in; the signed-in owner may leave them out. Wrong proof answers 404 like a
 * number that does not exist.
 */
export function lookUpComplaint(trackingNo: string, phoneLast4?: string): Promise<Complaint> {
  return requestJson('GET', path(trackingNo), ComplaintSchema, { auth: true, params: phoneLast4 ? [['phoneLast4', phoneLast4]] : [] })
}

export function listMyComplaints(cursor?: string): Promise<Page<Complaint>> {
  return requestJson('GET', '/api/v1/me/complaints', ComplaintListSchema, { auth: true, params: cursor ? [['cursor', cursor]] : [] })
}

/** Feedback and re-examination are the signed-in owner's (the server checks). */
export function giveComplaintFeedback(trackingNo: string, body: ComplaintFeedbackBody): Promise<Complaint> {
  return requestJson('POST', path(trackingNo, '/feedback'), ComplaintSchema, { auth: true, body })
}

export function requestReexamination(trackingNo: string, body: ComplaintReexaminationBody): Promise<Complaint> {
  return requestJson('POST', path(trackingNo, '/reexamination'), ComplaintSchema, { auth: true, body })
}
