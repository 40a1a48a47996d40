import { Rectification, RectificationCreateBody, RectificationSchema } from '@domain/complaint'
import {
  AuditTrailSchema,
  GradeSetBody,
  InspectionCreateBody,
  OversightInstitution,
  OversightInstitutionPageSchema,
  OversightInstitutionSchema,
  RectificationNotice,
  RectificationNoticeListSchema,
  RectificationNoticeSchema,
  RectificationReportBody,
} from '@domain/oversight'
import { requestJson } from './client'

/** 监管工作台 calls (docs/api.md "Oversight"): the regulator's institutions and notices, and the institution's side of a notice. */

const path = (id: string) => encodeURIComponent(id)

export function pickInstitutions(q: string, cursor: string | undefined) {
  const params: [string, string][] = [['limit', '20']]
  if (q.trim() !== '') params.push(['q', q.trim()])
  if (cursor) params.push(['cursor', cursor])
  return requestJson('GET', '/api/v1/staff/oversight/institutions', OversightInstitutionPageSchema, { auth: true, params })
}

export function oversightRecord(institutionId: string): Promise<OversightInstitution> {
  return requestJson('GET', `/api/v1/staff/oversight/institutions/${path(institutionId)}`, OversightInstitutionSchema, { auth: true })
}

export function recordInspection(institutionId: string, body: InspectionCreateBody): Promise<OversightInstitution> {
  return requestJson('POST', `/api/v1/staff/oversight/institutions/${path(institutionId)}/inspections`, OversightInstitutionSchema, { auth: true, body })
}

export function setGrade(institutionId: string, body: GradeSetBody): Promise<OversightInstitution> {
  return requestJson('PUT', `/api/v1/staff/oversight/institutions/${path(institutionId)}/grade`, OversightInstitutionSchema, { auth: true, body })
}

export function issueRectification(body: RectificationCreateBody): Promise<Rectification> {
  return requestJson('POST', '/api/v1/staff/rectifications', RectificationSchema, { auth: true, body })
}

export function myRectifications(cursor: string | undefined) {
  const params: [string, string][] = [['limit', '20']]
  if (cursor) params.push(['cursor', cursor])
  return requestJson('GET', '/api/v1/staff/rectifications', RectificationNoticeListSchema, { auth: true, params })
}

export function reportRectification(id: string, body: RectificationReportBody): Promise<RectificationNotice> {
  return requestJson('POST', `/api/v1/staff/rectifications/${path(id)}/report`, RectificationNoticeSchema, { auth: true, body })
}

export function acceptRectification(id: string, note?: string): Promise<RectificationNotice> {
  return requestJson('POST', `/api/v1/staff/rectifications/${path(id)}/accept`, RectificationNoticeSchema, { auth: true, body: note ? { note } : {} })
}

export function returnRectification(id: string, reason: string): Promise<RectificationNotice> {
  return requestJson('POST', `/api/v1/staff/rectifications/${path(id)}/return`, RectificationNoticeSchema, { auth: true, body: { reason } })
}

export function complaintAuditTrail(trackingNo: string) {
  return requestJson('GET', `/api/v1/staff/complaints/${path(trackingNo)}/audit`, AuditTrailSchema, { auth: true, params: [['limit', '50']] })
}
