import crypto from 'node:crypto'
import { Session } from '@domain/account'
import { DESKTOP_SESSION_HOURS, DesktopSession, LOGIN_TICKET_MINUTES, LoginTicket } from '@domain/staffAccess'
import { inShanghai } from '@domain/shanghaiTime'
import { Database } from '../../platform/db/database'
import { insertAuditEntry } from '../../platform/db/auditLog'
import { ApiError } from '../../platform/http/apiError'
import { Viewer } from './authentication'
import {
  collectLoginTicket,
  confirmLoginTicket,
  endDesktopSession,
  findLoginTicket,
  insertDesktopSession,
  insertLoginTicket,
  listDesktopSessions,
} from './loginTicketRepository'
import { hashSessionToken, newSessionToken } from './sessionToken'
import { findUser } from './userRepository'

/*
 * 扫码登录 (docs/platform-notes.md "Scanning"): the desktop workbench shows a QR code of a
 * short-lived ticket; a phone signed in with a workbench role scans and confirms it; the
 * desktop collects a session of that person's own, 8 hours long, which the phone can end.
 * No password anywhere; the QR code holds only the ticket id, and collecting needs the
 * poll secret that never left the desktop.
 */

const MINUTE_MS = 60_000

export async function openLoginTicket(db: Database, now = new Date()): Promise<LoginTicket> {
  const ticketId = crypto.randomBytes(18).toString('base64url')
  const pollSecret = newSessionToken()
  const expiresAt = new Date(now.getTime() + LOGIN_TICKET_MINUTES * MINUTE_MS)
  await insertLoginTicket(db, ticketId, hashSessionToken(pollSecret), expiresAt)
  return { ticketId, pollSecret, expiresAt: inShanghai(expiresAt).format(), qrText: `anxin://workbench/login?login=${ticketId}` }
}

/** The phone's confirmation: only a person with a workbench role may vouch for a desktop. */
export async function confirmDesktopLogin(db: Database, viewer: Viewer, ticketId: string): Promise<void> {
  if (viewer.staffInstitutionId === null && viewer.regulatorDistrictCode === null) {
    throw new ApiError('FORBIDDEN', '只有机构人员或监管人员可以登录电脑版工作台')
  }
  await db.transaction(async (tx) => {
    if (!(await confirmLoginTicket(tx, ticketId, viewer.userId))) throw new ApiError('NOT_FOUND', '二维码已失效，请在电脑上刷新后重新扫码')
    await insertAuditEntry(tx, { actorUserId: viewer.userId, action: 'desktop_login.confirm', subjectKind: 'login_ticket', subjectId: ticketId })
  })
}

/** The desktop's poll: null while the phone has not confirmed, then the session, once. */
export async function collectDesktopLogin(db: Database, ticketId: string, pollSecret: string, now = new Date()): Promise<Session | null> {
  return db.transaction(async (tx) => {
    const ticket = await findLoginTicket(tx, ticketId, hashSessionToken(pollSecret))
    if (!ticket || ticket.collected) throw new ApiError('NOT_FOUND', '二维码已失效，请刷新')
    if (ticket.confirmed_by === null) {
      if (ticket.expired) throw new ApiError('NOT_FOUND', '二维码已过期，请刷新')
      return null
    }
    if (!(await collectLoginTicket(tx, ticketId))) throw new ApiError('NOT_FOUND', '二维码已失效，请刷新')
    const token = newSessionToken()
    const expiresAt = new Date(now.getTime() + DESKTOP_SESSION_HOURS * 60 * MINUTE_MS)
    await insertDesktopSession(tx, crypto.randomUUID(), hashSessionToken(token), ticket.confirmed_by, expiresAt)
    const user = await findUser(tx, ticket.confirmed_by)
    if (!user) throw new ApiError('NOT_FOUND', '二维码已失效，请刷新')
    return { token, expiresAt: inShanghai(expiresAt).format(), user: { id: user.id, nickname: user.nickname, staffInstitutionId: user.staff_institution_id } }
  })
}

export async function myDesktopSessions(db: Database, viewer: Viewer): Promise<DesktopSession[]> {
  return (await listDesktopSessions(db, viewer.userId)).map((row) => ({
    id: row.id,
    createdAt: inShanghai(row.created_at).format(),
    expiresAt: inShanghai(row.expires_at).format(),
  }))
}

export async function endMyDesktopSession(db: Database, viewer: Viewer, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await endDesktopSession(tx, viewer.userId, id))) throw new ApiError('NOT_FOUND', '没有找到这台电脑的登录')
    await insertAuditEntry(tx, { actorUserId: viewer.userId, action: 'desktop_session.end', subjectKind: 'session', subjectId: id })
  })
}
