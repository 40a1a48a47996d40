import { GradeSetBody, OversightInstitution } from '@domain/oversight'
import { todayInShanghai } from '@domain/shanghaiTime'
import { Database } from '../../platform/db/database'
import { insertAuditEntry } from '../../platform/db/auditLog'
import { ApiError } from '../../platform/http/apiError'
import { AttachmentUrlSigner } from '../../platform/storage/signedAttachmentUrl'
import { findGrade, findGradeScale, saveGrade } from './oversightRepository'
import { districtAuthority, Regulator } from './rectificationIssue'
import { oversightRecord, regulatedInstitution } from './oversightInstitutions'

/*
 * 等级评定: the district's grade of an institution, on the district's own scale (table
 * district_grade_scales, migration 020; docs/architecture.md "Oversight"). A district
 * without a scale does not grade: the public page shows no grade line at all.
 */

/** PUT /staff/oversight/institutions/:id/grade — sets or changes the grade; the old one stays in the audit log. */
export async function setGrade(
  db: Database,
  photos: AttachmentUrlSigner,
  regulator: Regulator,
  institutionId: string,
  body: GradeSetBody,
  now: Date = new Date(),
): Promise<OversightInstitution> {
  await db.transaction(async (tx) => {
    const institution = await regulatedInstitution(tx, regulator, institutionId)
    const scale = await findGradeScale(tx, institution.district_code)
    if (scale.length === 0) throw new ApiError('CONFLICT', '本区县没有开展托育机构等级评定')
    if (!scale.some((s) => s.grade === body.grade)) {
      const labels = scale.map((s) => s.label).join('、')
      throw new ApiError('VALIDATION', `等级应为：${labels}`, { 'body.grade': `等级应为：${labels}` })
    }
    const previous = await findGrade(tx, institution.id)
    const gradedOn = todayInShanghai(now)
    await saveGrade(tx, { institutionId: institution.id, districtCode: institution.district_code, grade: body.grade, gradedOn, gradedBy: regulator.userId, authority: districtAuthority(institution) })
    await insertAuditEntry(tx, {
      actorUserId: regulator.userId,
      action: 'grade.set',
      subjectKind: 'institution',
      subjectId: institution.id,
      detail: { from: previous?.grade ?? null, to: body.grade, gradedOn },
    })
  })
  return oversightRecord(db, photos, regulator, institutionId, now)
}
