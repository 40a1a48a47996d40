import { Enrollment, EnrollmentCreateBody, EnrollmentSchema } from '@domain/enrollment'
import { requestJson } from './client'

/** 入托申请: apply, follow the waitlist position, withdraw. */

export function applyForEnrollment(body: EnrollmentCreateBody): Promise<Enrollment> {
  return requestJson('POST', '/api/v1/enrollments', EnrollmentSchema, { auth: true, body })
}

export function getEnrollment(id: string): Promise<Enrollment> {
  return requestJson('GET', `/api/v1/enrollments/${encodeURIComponent(id)}`, EnrollmentSchema, { auth: true })
}

export function withdrawEnrollment(id: string): Promise<Enrollment> {
  return requestJson('POST', `/api/v1/enrollments/${encodeURIComponent(id)}/withdraw`, EnrollmentSchema, { auth: true })
}
