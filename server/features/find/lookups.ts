import { Queryable } from '../../platform/db/database'
import * as districts from './districtRepository'
import * as institutions from './institutionDetailRepository'

/* What other features ask the find feature: does this institution exist, which district is this. */

/** The code of a district named by code (500112) or name (渝北区); null when unknown. */
export function findDistrictCode(db: Queryable, codeOrName: string): Promise<string | null> {
  return districts.findDistrictCode(db, codeOrName)
}

export function institutionExists(db: Queryable, institutionId: string): Promise<boolean> {
  return institutions.institutionExists(db, institutionId)
}
