import { Session } from '@domain/account'
import { inShanghai } from '@domain/shanghaiTime'
import { Queryable } from '../../platform/db/database'
import { insertSession, deleteEndedSessions } from './sessionRepository'
import { findUser } from './userRepository'
import { hashSessionToken, newSessionToken } from './sessionToken'

const DAY_MS = 24 * 60 * 60 * 1000

/** Opens a session for the user: the token goes to the client once, only its hash is kept. */
export async function openSession(db: Queryable, userId: string, ttlDays: number, now: Date = new Date()): Promise<Session> {
  const token = newSessionToken()
  const expiresAt = new Date(now.getTime() + ttlDays * DAY_MS)
  await insertSession(db, hashSessionToken(token), userId, expiresAt)
  const user = await findUser(db, userId)
  if (!user) throw new Error(`user ${userId} vanished while signing in`)
  return {
    token,
    expiresAt: inShanghai(expiresAt).format(),
    user: { id: user.id, nickname: user.nickname, staffInstitutionId: user.staff_institution_id },
  }
}

/**
 * Retention: a session that has ended (expired or signed out) signs no one in and only
 * says when someone used the app; it goes a day after it ended.
 */
export async function purgeEndedSessions(db: Queryable, now: Date = new Date()): Promise<number> {
  return deleteEndedSessions(db, new Date(now.getTime() - 24 * 60 * 60 * 1000))
}
