import crypto from 'node:crypto'
import { InspectionCreateBody, OversightInstitution, OversightInstitutionSummary, RectificationNoticeList } from '@domain/oversight'
import { awaitsInstitution } from '@domain/rectificationFlow'
import { todayInShanghai } from '@domain/shanghaiTime'
import { Database, Queryable } from '../../platform/db/database'
import { insertAuditEntry } from '../../platform/db/auditLog'
import { ApiError } from '../../platform/http/apiError'
import { offsetCursorAt, offsetOf, pageFromList } from '../../platform/http/paging'
import { AttachmentUrlSigner } from '../../platform/storage/signedAttachmentUrl'
import { Viewer } from '../accounts/authentication'
import { gradeOf } from './publicGrade'
import { districtAuthority, Regulator } from './rectificationIssue'
import { findDistrictInstitutions, findGradeScale, findInspectionsOf, findRegulatedInstitution, insertInspection, RegulatedInstitution } from './oversightRepository'
import { findNoticesOfInstitution } from './rectificationRepository'
import { toNotices } from './rectificationNotices'

/*
 * The regulator's view of the institutions of their district (监管工作台): a picker by
 * name or pinyin, one institution's record, and recording an inspection. An institution
 * of another district is a 404, as if it did not exist.
 */

export async function regulatedInstitution(db: Queryable, regulator: Regulator, institutionId: string): Promise<RegulatedInstitution> {
  const institution = await findRegulatedInstitution(db, institutionId, regulator.regulatorDistrictCode)
  if (!institution) throw new ApiError('NOT_FOUND', '没有找到本区县的这家机构')
  return institution
}

/** GET /staff/oversight/institutions?q= — the district's institutions by name, paged. */
export async function pickInstitutions(
  db: Queryable,
  regulator: Regulator,
  query: { q?: string; cursor?: string; limit: number },
): Promise<{ items: OversightInstitutionSummary[]; nextCursor: string | null }> {
  const search = query.q ? query.q.toLowerCase().replace(/\s+/g, '') : null
  const order = `name:${search ?? ''}`.slice(0, 40)
  const offset = offsetOf(query.cursor, order)
  const rows = await findDistrictInstitutions(db, regulator.regulatorDistrictCode, search || null, query.limit + 1, offset)
  const items = rows.slice(0, query.limit).map((row) => ({
    id: row.id,
    name: row.name,
    address: row.address,
    filingStatus: row.filing_status,
    gradeLabel: row.grade_label,
    openNotices: row.open_notices,
  }))
  return { items, nextCursor: rows.length > query.limit ? offsetCursorAt(offset + query.limit, order) : null }
}

/** GET /staff/oversight/institutions/:id — inspections, notices with reports, grade and scale. */
export async function oversightRecord(db: Queryable, photos: AttachmentUrlSigner, regulator: Regulator, institutionId: string, now: Date = new Date()): Promise<OversightInstitution> {
  const institution = await regulatedInstitution(db, regulator, institutionId)
  const [inspections, noticeRows, grade, gradeScale] = await Promise.all([
    findInspectionsOf(db, institution.id),
    findNoticesOfInstitution(db, institution.id),
    gradeOf(db, institution.id, institution.district_code),
    findGradeScale(db, institution.district_code),
  ])
  return {
    institution: { id: institution.id, name: institution.name, address: institution.address, filingNumber: institution.filing_number, filingStatus: institution.filing_status },
    inspections,
    notices: await toNotices(db, photos, noticeRows, now),
    grade: grade ?? null,
    gradeScale,
  }
}

/** POST /staff/oversight/institutions/:id/inspections — shown on the public page at once. */
export async function recordInspection(
  db: Database,
  photos: AttachmentUrlSigner,
  regulator: Regulator,
  institutionId: string,
  body: InspectionCreateBody,
  now: Date = new Date(),
): Promise<OversightInstitution> {
  if (body.inspectedOn > todayInShanghai(now)) {
    throw new ApiError('VALIDATION', '检查日期不能晚于今天', { 'body.inspectedOn': '检查日期不能晚于今天' })
  }
  await db.transaction(async (tx) => {
    const institution = await regulatedInstitution(tx, regulator, institutionId)
    const id = crypto.randomUUID()
    const authority = districtAuthority(institution)
    await insertInspection(tx, { id, institutionId: institution.id, inspectedOn: body.inspectedOn, authority, result: body.result, summary: body.summary, recordedBy: regulator.userId })
    await insertAuditEntry(tx, {
      actorUserId: regulator.userId,
      action: 'inspection.record',
      subjectKind: 'institution',
      subjectId: institution.id,
      detail: { inspectionId: id, inspectedOn: body.inspectedOn, result: body.result },
    })
  })
  return oversightRecord(db, photos, regulator, institutionId, now)
}

/** GET /staff/rectifications — the notices addressed to the viewer's institution, waiting ones first. */
export async function noticesOfMyInstitution(
  db: Queryable,
  photos: AttachmentUrlSigner,
  staff: Viewer & { staffInstitutionId: string },
  query: { cursor?: string; limit: number },
  now: Date = new Date(),
): Promise<RectificationNoticeList> {
  // An institution has a handful of notices a year: read whole, ordered, paged in memory.
  const all = await toNotices(db, photos, await findNoticesOfInstitution(db, staff.staffInstitutionId), now)
  const ordered = [...all.filter((n) => awaitsInstitution(n.state)), ...all.filter((n) => !awaitsInstitution(n.state))]
  return { ...pageFromList(ordered, query.cursor, query.limit), awaitingInstitution: ordered.filter((n) => awaitsInstitution(n.state)).length }
}
