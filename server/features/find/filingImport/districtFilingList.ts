import { FilingChangeField, FilingListReport } from '@domain/filingList'
import { todayInShanghai } from '@domain/shanghaiTime'
import { Database, Transaction } from '@server/platform/db/database'
import { insertAuditEntry } from '@server/platform/db/auditLog'
import { ApiError } from '@server/platform/http/apiError'
import { tellFamiliesInstitutionClosed } from '../../booking/institutionClosure'
import type { ChildList, InstitutionRow } from '../institutionRecordRows'
import { upsertInstitutionsIn } from '../institutionWriter'
import { bumpSearchIndexVersion } from '../searchIndexVersion'
import { knownDistricts } from './importCli'
import { parseFilingCsv } from './filingCsv'

/*
 * A regulator uploads the district's official filing list (docs/filing-list-csv.md):
 * first a dry run — what will be added, changed and closed, every refused row with its
 * reason — then apply. The dry run goes through the same planning as the apply
 * (institutionWriter's planOnly) inside a transaction that is rolled back, so its counts
 * are the apply's counts. Rows of another district are
 * refused; a filed institution of the district missing from the list is closed
 * (filing withdrawn: it leaves search) and families with bookings or applications are told.
 */

export type { FilingListReport } from '@domain/filingList'

/** Which field of the report a stored column or child list belongs to. */
const FIELD_OF_PART: Partial<Record<keyof InstitutionRow | ChildList, FilingChangeField>> = {
  name: 'name',
  kind: 'kind',
  district_code: 'district',
  street: 'street',
  address: 'address',
  lat: 'location',
  lng: 'location',
  affordable: 'affordable',
  demonstration_level: 'demonstrationLevel',
  filed_on: 'filing',
  filing_authority: 'filing',
  filing_status: 'filing',
  is_demo: 'filing',
  min_age_months: 'ageRange',
  max_age_months: 'ageRange',
  capacity: 'places',
  classes: 'places',
  enrolled: 'enrolled',
  careModes: 'fees',
  hours_days: 'hours',
  opens_at: 'hours',
  closes_at: 'hours',
  contact_phone: 'phone',
  description: 'description',
}

function fieldsOf(parts: ReadonlyArray<keyof InstitutionRow | ChildList>): FilingChangeField[] {
  const fields = new Set<FilingChangeField>()
  for (const part of parts) {
    const field = FIELD_OF_PART[part]
    if (field) fields.add(field)
  }
  return [...fields]
}

class DryRun extends Error {
  constructor(readonly report: FilingListReport) {
    super('dry run')
  }
}

export async function importDistrictFilingList(
  db: Database,
  regulator: { userId: string; districtCode: string },
  bytes: Uint8Array,
  options: { apply: boolean; today?: string },
): Promise<FilingListReport> {
  const districts = await knownDistricts(db)
  const parsed = parseFilingCsv(bytes, { districts, today: options.today ?? todayInShanghai() })
  const ours = parsed.accepted.filter((r) => r.districtCode === regulator.districtCode)
  const refused = [...parsed.rejected]
  const lineOf = (filingNumber: string) => parsed.lineOfFilingNumber.get(filingNumber) ?? 0
  for (const r of parsed.accepted) {
    if (r.districtCode !== regulator.districtCode) refused.push({ line: lineOf(r.filing.number), reason: `备案号 ${r.filing.number}：不属于本区县，由所在区县导入` })
  }
  // An empty or foreign file must never close the whole district.
  if (ours.length === 0) throw new ApiError('VALIDATION', '文件里没有本区县的有效行，未做任何改动', { body: '文件里没有本区县的有效行' })
  const run = async (tx: Transaction): Promise<FilingListReport> => {
    const counts = await upsertInstitutionsIn(tx, ours, { scope: 'filing_fields', planOnly: !options.apply, describe: true })
    const listed = ours.map((r) => r.filing.number)
    const closing = await tx.query<{ id: string; name: string; filing_number: string }>(
      options.apply
        ? `update institutions set filing_status = 'revoked', updated_at = now()
           where district_code = $1 and filing_status = 'filed' and not (filing_number = any($2::text[]))
           returning id, name, filing_number`
        : `select id, name, filing_number from institutions
           where district_code = $1 and filing_status = 'filed' and not (filing_number = any($2::text[])) order by filing_number`,
      [regulator.districtCode, listed],
    )
    const told = new Set<string>()
    for (const c of closing.rows) for (const userId of await tellFamiliesInstitutionClosed(tx, c.id, c.name)) told.add(userId)
    const familiesTold = told.size
    if (closing.rows.length > 0) await bumpSearchIndexVersion(tx)
    const report: FilingListReport = {
      applied: options.apply,
      encoding: parsed.encoding,
      accepted: ours.length,
      added: counts.inserted,
      changed: counts.updated,
      unchanged: counts.unchanged,
      addedInstitutions: (counts.insertedRecords ?? []).map((r) => ({ ...r, line: lineOf(r.filingNumber) })),
      changedInstitutions: (counts.updatedRecords ?? []).map(({ parts, ...r }) => ({ ...r, line: lineOf(r.filingNumber), fields: fieldsOf(parts) })),
      closed: closing.rows.map((c) => ({ id: c.id, name: c.name, filingNumber: c.filing_number })),
      refused: refused.sort((a, b) => a.line - b.line),
      familiesTold,
    }
    if (!options.apply) throw new DryRun(report)
    await insertAuditEntry(tx, {
      actorUserId: regulator.userId,
      action: 'filing_list.apply',
      subjectKind: 'district',
      subjectId: regulator.districtCode,
      detail: { added: report.added, changed: report.changed, closed: report.closed.length, refused: report.refused.length },
    })
    return report
  }
  try {
    return await db.transaction(run)
  } catch (error) {
    if (error instanceof DryRun) return error.report
    throw error
  }
}
