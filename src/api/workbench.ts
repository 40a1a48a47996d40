import { z } from 'zod'
import { Session, SessionSchema } from '@domain/account'
import { Booking, BookingSchema } from '@domain/booking'
import { StaffComplaint, StaffComplaintListSchema, StaffComplaintSchema } from '@domain/complaint'
import { Enrollment, EnrollmentSchema } from '@domain/enrollment'
import { InstitutionFacts, InstitutionFactsBody, InstitutionFactsSchema } from '@domain/institutionFacts'
import { InstitutionFeesBody, InstitutionHoursBody } from '@domain/institutionProfile'
import { Page, pageSchema } from '@domain/page'
import { Review, ReviewPageSchema, ReviewSchema } from '@domain/review'
import { Slot, SlotSchema, WeeklySlotsBody } from '@domain/slot'
import {
  DemoAccount,
  DemoAccountSchema,
  DesktopSession,
  DesktopSessionSchema,
  LoginTicket,
  LoginTicketSchema,
  Invitation,
  InvitationCreateBody,
  InvitationSchema,
  Membership,
  MembershipSchema,
  MyRoles,
  MyRolesSchema,
  NewInvitation,
  NewInvitationSchema,
} from '@domain/staffAccess'
import { NoContentSchema, requestJson } from './client'

/** 工作台 calls (docs/api.md "Accounts and roles", "Staff"): roles, invitations, bookings, complaints. */

export function getMyRoles(): Promise<MyRoles> {
  return requestJson('GET', '/api/v1/me/roles', MyRolesSchema, { auth: true })
}

export async function listDemoAccounts(): Promise<DemoAccount[]> {
  return (await requestJson('GET', '/api/v1/auth/demo/accounts', z.object({ items: z.array(DemoAccountSchema) }))).items
}

export function signInAsDemoAccount(key: string): Promise<Session> {
  return requestJson('POST', '/api/v1/auth/demo', SessionSchema, { body: { demoAccount: key } })
}

export function acceptInvitation(code: string): Promise<Invitation> {
  return requestJson('POST', '/api/v1/invitations/accept', InvitationSchema, { auth: true, body: { code } })
}

export function createInvitation(body: InvitationCreateBody): Promise<NewInvitation> {
  return requestJson('POST', '/api/v1/staff/invitations', NewInvitationSchema, { auth: true, body })
}

/** One page of the members in the viewer's scope; read through usePaged. */
export function listMembers(cursor?: string): Promise<Page<Membership>> {
  return requestJson('GET', '/api/v1/staff/members', pageSchema(MembershipSchema), { auth: true, params: cursor ? [['cursor', cursor]] : [] })
}

export function revokeMember(id: string): Promise<Membership> {
  return requestJson('POST', `/api/v1/staff/members/${encodeURIComponent(id)}/revoke`, MembershipSchema, { auth: true })
}

export async function listStaffBookings(status?: Booking['status']): Promise<Booking[]> {
  const params: [string, string][] = [['limit', '50']]
  if (status) params.push(['status', status])
  return (await requestJson('GET', '/api/v1/staff/bookings', pageSchema(BookingSchema), { auth: true, params })).items
}

export type BookingAction = 'confirm' | 'decline' | 'attend' | 'no-show'

export function actOnBooking(id: string, action: BookingAction, reason?: string): Promise<Booking> {
  const body = action === 'decline' && reason ? { reason } : undefined
  return requestJson('POST', `/api/v1/staff/bookings/${encodeURIComponent(id)}/${action}`, BookingSchema, { auth: true, body })
}

export async function complaintQueue(): Promise<StaffComplaint[]> {
  return (await requestJson('GET', '/api/v1/staff/complaints', StaffComplaintListSchema, { auth: true, params: [['limit', '50']] })).items
}

export type ComplaintAction = { kind: 'accept' | 'investigate'; note?: string } | { kind: 'resolve'; result: string } | { kind: 'reject'; reason: string }

export function actOnComplaint(trackingNo: string, action: ComplaintAction): Promise<StaffComplaint> {
  const { kind, ...body } = action
  return requestJson('POST', `/api/v1/staff/complaints/${encodeURIComponent(trackingNo)}/${kind}`, StaffComplaintSchema, { auth: true, body })
}

export function openDesktopTicket(): Promise<LoginTicket> {
  return requestJson('POST', '/api/v1/auth/desktop-tickets', LoginTicketSchema)
}

const WaitingSchema = z.union([SessionSchema, z.object({ status: z.literal('waiting') })])

/** The desktop's poll: the session once the phone confirmed, else null. */
export async function collectDesktopTicket(ticket: LoginTicket): Promise<Session | null> {
  const answer = await requestJson('POST', `/api/v1/auth/desktop-tickets/${encodeURIComponent(ticket.ticketId)}/collect`, WaitingSchema, {
    body: { pollSecret: ticket.pollSecret },
  })
  return 'token' in answer ? answer : null
}

export function confirmDesktopTicket(ticketId: string): Promise<void> {
  return requestJson('POST', `/api/v1/auth/desktop-tickets/${encodeURIComponent(ticketId)}/confirm`, NoContentSchema, { auth: true })
}

export async function listDesktopSessions(): Promise<DesktopSession[]> {
  return (await requestJson('GET', '/api/v1/me/desktop-sessions', z.object({ items: z.array(DesktopSessionSchema) }), { auth: true })).items
}

export function endDesktopSession(id: string): Promise<void> {
  return requestJson('POST', `/api/v1/me/desktop-sessions/${encodeURIComponent(id)}/end`, NoContentSchema, { auth: true })
}

export async function listStaffSlots(): Promise<Slot[]> {
  return (await requestJson('GET', '/api/v1/staff/slots', pageSchema(SlotSchema), { auth: true })).items
}

export async function publishWeeklySlots(body: WeeklySlotsBody): Promise<Slot[]> {
  return (await requestJson('POST', '/api/v1/staff/slots/weekly', pageSchema(SlotSchema), { auth: true, body })).items
}

export function cancelStaffSlot(id: string): Promise<Slot> {
  return requestJson('POST', `/api/v1/staff/slots/${encodeURIComponent(id)}/cancel`, SlotSchema, { auth: true })
}

export async function listStaffEnrollments(): Promise<Enrollment[]> {
  return (await requestJson('GET', '/api/v1/staff/enrollments', pageSchema(EnrollmentSchema), { auth: true, params: [['limit', '50']] })).items
}

export function decideEnrollment(id: string, decision: 'admit' | 'decline'): Promise<Enrollment> {
  return requestJson('POST', `/api/v1/staff/enrollments/${encodeURIComponent(id)}/${decision}`, EnrollmentSchema, { auth: true })
}

export async function listStaffReviews(): Promise<Review[]> {
  return (await requestJson('GET', '/api/v1/staff/reviews', ReviewPageSchema, { auth: true })).items
}

export function replyToReview(id: string, text: string): Promise<Review> {
  return requestJson('POST', `/api/v1/staff/reviews/${encodeURIComponent(id)}/reply`, ReviewSchema, { auth: true, body: { text } })
}

export function getInstitutionFacts(): Promise<InstitutionFacts> {
  return requestJson('GET', '/api/v1/staff/institution/facts', InstitutionFactsSchema, { auth: true })
}

export function confirmInstitutionFacts(body: InstitutionFactsBody): Promise<InstitutionFacts> {
  return requestJson('PUT', '/api/v1/staff/institution/facts', InstitutionFactsSchema, { auth: true, body })
}

export function setInstitutionFees(body: InstitutionFeesBody): Promise<InstitutionFacts> {
  return requestJson('PUT', '/api/v1/staff/institution/fees', InstitutionFactsSchema, { auth: true, body })
}

export function setInstitutionHours(body: InstitutionHoursBody): Promise<InstitutionFacts> {
  return requestJson('PUT', '/api/v1/staff/institution/hours', InstitutionFactsSchema, { auth: true, body })
}
