import { Database } from '../../server/platform/db/database'
import { inviteFirstRegulator, inviteInstitutionAdminFromConsole } from '../../server/features/accounts/invitations'
import { AppTarget, requestJson, signInParent, TestSession } from './session'

/*
 * Staff and regulators in tests get their role the only way there is: an invitation
 * (from the console, as `npm run admin` makes it, or from an admin through HTTP),
 * accepted over HTTP by a signed-in person. Demo sign-in grants no role.
 */

export interface TestTarget {
  app: AppTarget
  db: Database
}

/** Signs `who` in to accept the invitation code; throws unless it is accepted. */
export async function acceptInvitation(app: AppTarget, who: TestSession, code: string): Promise<void> {
  const answer = await requestJson(app, 'POST', '/api/v1/invitations/accept', { code }, who.headers)
  if (answer.status !== 200) throw new Error(`accept invitation: ${answer.status} ${JSON.stringify(answer.body)}`)
}

/** A new regulator of the district, invited from the console. */
export async function signInRegulator(t: TestTarget, districtCode: string, nickname = '区卫健委'): Promise<TestSession> {
  const invitation = await inviteFirstRegulator(t.db, districtCode, null)
  const person = await signInParent(t.app, nickname)
  await acceptInvitation(t.app, person, invitation.code)
  return person
}

/** A new admin of the institution, invited from the console. */
export async function signInInstitutionAdmin(t: TestTarget, institutionId: string, nickname = '园长'): Promise<TestSession> {
  const invitation = await inviteInstitutionAdminFromConsole(t.db, institutionId, null)
  const person = await signInParent(t.app, nickname)
  await acceptInvitation(t.app, person, invitation.code)
  return person
}

/** A new staff member of the institution, invited by a new admin of it. */
export async function signInStaff(t: TestTarget, institutionId: string, nickname = '机构老师'): Promise<TestSession> {
  const admin = await signInInstitutionAdmin(t, institutionId)
  const made = await requestJson(t.app, 'POST', '/api/v1/staff/invitations', { role: 'institution_staff' }, admin.headers)
  if (made.status !== 201) throw new Error(`invite staff: ${made.status} ${JSON.stringify(made.body)}`)
  const person = await signInParent(t.app, nickname)
  await acceptInvitation(t.app, person, (made.body as { code: string }).code)
  return person
}
