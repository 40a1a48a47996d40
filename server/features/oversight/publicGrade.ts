import { InstitutionGrade } from '@domain/institution'
import { Queryable } from '../../platform/db/database'
import { findGrade, findGradeScale } from './oversightRepository'

/**
 * The institution's grade for the public page and the workbench: undefined where the
 * district does not grade, null where it grades but has not graded this one yet.
 */
export async function gradeOf(db: Queryable, institutionId: string, districtCode: string): Promise<InstitutionGrade | null | undefined> {
  const [scale, grade] = await Promise.all([findGradeScale(db, districtCode), findGrade(db, institutionId)])
  if (scale.length === 0) return undefined
  const rung = grade ? scale.find((s) => s.grade === grade.grade) : undefined
  if (!grade || !rung) return null
  return { grade: grade.grade, label: rung.label, rank: rung.rank, scaleSize: scale.length, scaleSource: scale[0].source, gradedOn: grade.graded_on, authority: grade.authority }
}

