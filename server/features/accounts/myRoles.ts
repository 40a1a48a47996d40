import { MyRoles } from '@domain/staffAccess'
import { Database } from '../../platform/db/database'
import { Viewer } from './authentication'
import { findLiveMembershipOfKind } from './membershipRepository'
import { findDistrictName } from './invitationRepository'

/** GET /me/roles: what the workbench shows this person (nothing for a parent). */
export async function myRoles(db: Database, viewer: Viewer): Promise<MyRoles> {
  const institution = await findLiveMembershipOfKind(db, viewer.userId, 'institution')
  const districtCode = viewer.regulatorDistrictCode
  return {
    regulator: districtCode === null ? null : { districtCode, districtName: (await findDistrictName(db, districtCode)) ?? districtCode },
    institution:
      institution && institution.institution_id && institution.role !== 'regulator'
        ? { institutionId: institution.institution_id, institutionName: institution.institution_name ?? '', role: institution.role }
        : null,
  }
}
