import { z } from 'zod'

/*
 * The report of a filing-list (备案名单) upload, dry run or applied
 * (POST /api/v1/staff/filing-list, docs/filing-list-csv.md): what will be / was added,
 * changed (and in what), closed, and every refused row with its line and reason. The
 * regulator's upload screen reads the same schema the server answers with.
 */

/** What a filing list can change about an institution already on it, with the words the regulator reads. */
export const FILING_CHANGE_FIELDS = {
  name: '机构名称',
  kind: '机构类型',
  district: '区县',
  street: '街道',
  address: '地址',
  location: '坐标',
  affordable: '普惠',
  demonstrationLevel: '示范等级',
  filing: '备案信息',
  ageRange: '招收月龄',
  places: '托位',
  enrolled: '在托人数',
  fees: '收费',
  hours: '服务时间',
  phone: '联系电话',
  description: '简介',
} as const
export type FilingChangeField = keyof typeof FILING_CHANGE_FIELDS
export const FilingChangeFieldSchema = z.enum(Object.keys(FILING_CHANGE_FIELDS) as [FilingChangeField, ...FilingChangeField[]])

const NamedInstitutionSchema = z.object({ id: z.string(), name: z.string(), filingNumber: z.string() })

export const FilingListReportSchema = z.object({
  applied: z.boolean(),
  encoding: z.enum(['utf-8', 'gbk']),
  /** Rows of this district that passed every check. */
  accepted: z.number().int(),
  added: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  /** The added institutions, each with the line of its row. */
  addedInstitutions: z.array(NamedInstitutionSchema.extend({ line: z.number().int() })),
  /** The changed institutions, each with what changed. */
  changedInstitutions: z.array(NamedInstitutionSchema.extend({ line: z.number().int(), fields: z.array(FilingChangeFieldSchema) })),
  /** Filed institutions of the district missing from the list: their filing is withdrawn. */
  closed: z.array(NamedInstitutionSchema),
  /** Every refused row: its 1-based line in the file (the header is line 1) and why. */
  refused: z.array(z.object({ line: z.number().int(), reason: z.string() })),
  /** Families with bookings or applications at a closed institution (told on apply). */
  familiesTold: z.number().int(),
})
export type FilingListReport = z.infer<typeof FilingListReportSchema>

/** "机构名称、收费" for a changed institution's fields. */
export function describeChangedFields(fields: readonly FilingChangeField[]): string {
  return fields.map((field) => FILING_CHANGE_FIELDS[field]).join('、')
}
