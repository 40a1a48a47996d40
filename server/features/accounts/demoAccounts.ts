import { DemoAccount, MemberRole, ROLE_NAMES } from '@domain/staffAccess'
import { Database } from '../../platform/db/database'
import { insertAuditEntry } from '../../platform/db/auditLog'
import { insertMembership } from './membershipRepository'
import { findDemoAccountUser, insertDemoAccountUser, listDemoAccounts, revokeDemoAccountSessions } from './userRepository'

/*
 * 演示账号: named staff and regulator accounts that the demo data carries, so the demo
 * screen can offer "sign in as 渝北区卫健委" without demo sign-in ever granting a role
 * to whoever asks. They exist only in demo data and are usable only in demo mode.
 */

export interface DemoAccountSpec {
  key: string
  nickname: string
  role: MemberRole
  institutionId?: string
  districtCode?: string
}

/** Creates the demo accounts that are missing; returns how many were made. */
export async function ensureDemoAccounts(db: Database, specs: DemoAccountSpec[]): Promise<number> {
  let made = 0
  for (const spec of specs) {
    await db.transaction(async (tx) => {
      if ((await findDemoAccountUser(tx, spec.key)) !== undefined) return
      const userId = await insertDemoAccountUser(tx, spec.nickname, spec.key)
      if (userId === null) return
      const membershipId = await insertMembership(tx, {
        userId,
        role: spec.role,
        institutionId: spec.institutionId ?? null,
        districtCode: spec.districtCode ?? null,
        invitationId: null,
      })
      await insertAuditEntry(tx, { actorUserId: 'demo-data', action: 'membership.grant', subjectKind: 'membership', subjectId: membershipId, detail: { demoAccount: spec.key } })
      made++
    })
  }
  return made
}

export async function demoAccounts(db: Database): Promise<DemoAccount[]> {
  return (await listDemoAccounts(db)).map((row) => ({
    key: row.key,
    nickname: row.nickname,
    role: row.role,
    description: `${row.place} · ${ROLE_NAMES[row.role]}（演示）`,
    districtCode: row.district_code,
    institutionId: row.institution_id,
  }))
}

/**
 * Demo mode off: sessions a demo account opened while it was on end now, so a server
 * restarted for real use has no one signed in with a demo role.
 */
export async function endDemoAccountSessions(db: Database): Promise<number> {
  return revokeDemoAccountSessions(db)
}
