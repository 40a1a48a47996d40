import { z } from 'zod'
import {
  COMPLAINT_ATTACHMENTS_MAX,
  ComplaintCreateBody,
  ComplaintCreateBodySchema,
  UnlistedInstitutionSchema,
} from '@domain/complaint'
import { inShanghai } from '@domain/shanghaiTime'
import { FieldErrors, fieldErrorsFromZod } from '@app/lib/forms/formErrors'

/*
 * The complaint form as the parent fills it in, step by step. It is kept on the phone
 * after every change (store/complaintDraft.ts), so a dropped network, a closed app or a
 * failed submit loses nothing; it is cleared only once the server has given a tracking
 * number. Photos are uploaded as they are chosen, so the draft keeps their upload ids.
 */

export const COMPLAINT_STEPS = [
  { title: '投诉对象', fields: ['institutionId', 'unlisted.name', 'unlisted.address', 'unlisted.district'] },
  { title: '发生了什么', fields: ['category', 'description', 'occurredAt'] },
  { title: '照片证据', fields: ['attachments'] },
  { title: '联系方式', fields: ['anonymous', 'contactPhone'] },
] as const
export const LAST_STEP = COMPLAINT_STEPS.length - 1

export const DraftPhotoSchema = z.object({ id: z.string(), name: z.string() })
export type DraftPhoto = z.infer<typeof DraftPhotoSchema>

export const ComplaintDraftSchema = z.object({
  step: z.number().int().min(0).max(LAST_STEP),
  /** A filed (listed) institution chosen from the directory, or one the parent describes. */
  target: z.enum(['listed', 'unlisted']),
  institutionId: z.string(),
  institutionName: z.string(),
  unlistedName: z.string(),
  unlistedAddress: z.string(),
  /** District code (行政区划代码), as the server routes the complaint to that district. */
  unlistedDistrict: z.string(),
  category: z.string(),
  description: z.string(),
  /** YYYY-MM-DD and HH:mm on a clock in China (UTC+8). */
  occurredDate: z.string(),
  occurredTime: z.string(),
  photos: z.array(DraftPhotoSchema).max(COMPLAINT_ATTACHMENTS_MAX),
  anonymous: z.boolean(),
  contactPhone: z.string(),
})
export type ComplaintDraft = z.infer<typeof ComplaintDraftSchema>

export function emptyDraft(institution?: { id: string; name: string }): ComplaintDraft {
  return {
    step: 0,
    target: 'listed',
    institutionId: institution?.id ?? '',
    institutionName: institution?.name ?? '',
    unlistedName: '',
    unlistedAddress: '',
    unlistedDistrict: '',
    category: '',
    description: '',
    occurredDate: '',
    occurredTime: '',
    photos: [],
    anonymous: false,
    contactPhone: '',
  }
}

/** Has the parent written anything worth offering back (the step alone is not)? */
export function hasContent(draft: ComplaintDraft): boolean {
  const empty = emptyDraft()
  return (
    draft.institutionId !== '' ||
    draft.unlistedName.trim() !== '' ||
    draft.unlistedAddress.trim() !== '' ||
    draft.category !== empty.category ||
    draft.description.trim() !== '' ||
    draft.occurredDate !== '' ||
    draft.photos.length > 0 ||
    draft.contactPhone.trim() !== ''
  )
}

/** "2026-11-20" + "14:30" → "2026-11-20T14:30:00+08:00"; the time defaults to noon when unknown. */
export function occurredAtOf(date: string, time: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined
  const clock = /^\d{2}:\d{2}$/.test(time) ? time : '12:00'
  return `${date}T${clock}:00+08:00`
}

/** What the draft would send: the schema, not this function, decides whether it is right. */
export function draftToBody(draft: ComplaintDraft): Record<string, unknown> {
  const where =
    draft.target === 'listed'
      ? { institutionId: draft.institutionId || undefined }
      : { unlistedInstitution: { name: draft.unlistedName, address: draft.unlistedAddress, district: draft.unlistedDistrict } }
  return {
    ...where,
    category: draft.category || undefined,
    description: draft.description,
    occurredAt: occurredAtOf(draft.occurredDate, draft.occurredTime),
    anonymous: draft.anonymous,
    contactPhone: draft.contactPhone,
    ...(draft.photos.length > 0 ? { attachments: draft.photos.map((photo) => photo.id) } : {}),
  }
}

function targetErrors(draft: ComplaintDraft): FieldErrors {
  if (draft.target === 'listed') return draft.institutionId ? {} : { institutionId: '请选择要投诉的机构，或改为“名单里没有”' }
  const parsed = UnlistedInstitutionSchema.safeParse({ name: draft.unlistedName, address: draft.unlistedAddress, district: draft.unlistedDistrict })
  if (parsed.success) return {}
  const fields = fieldErrorsFromZod(parsed.error)
  return Object.fromEntries(Object.entries(fields).map(([key, message]) => [`unlisted.${key}`, key === 'district' ? '请选择所在区县' : message]))
}

/** The messages for one step's fields; an empty object lets the parent go on. */
export function stepErrors(draft: ComplaintDraft, step: number, now: Date = new Date()): FieldErrors {
  if (step === 0) return targetErrors(draft)
  const wanted: readonly string[] = COMPLAINT_STEPS[step]?.fields ?? []
  const parsed = ComplaintCreateBodySchema.safeParse(draftToBody(draft))
  const all = parsed.success ? {} : fieldErrorsFromZod(parsed.error)
  const fields = Object.fromEntries(Object.entries(all).filter(([key]) => wanted.includes(key)))
  if (step === 1 && !fields.occurredAt) {
    const at = occurredAtOf(draft.occurredDate, draft.occurredTime)
    if (at && inShanghai(at).isAfter(inShanghai(now))) fields.occurredAt = '发生时间不能晚于现在'
  }
  return fields
}

/** The first step with something to fix, or null when the whole draft is ready to send. */
export function firstStepWithErrors(draft: ComplaintDraft, now: Date = new Date()): number | null {
  for (let step = 0; step <= LAST_STEP; step++) if (Object.keys(stepErrors(draft, step, now)).length > 0) return step
  return null
}

/** The body to send, once every step is right. */
export function completedBody(draft: ComplaintDraft): ComplaintCreateBody | null {
  const parsed = ComplaintCreateBodySchema.safeParse(draftToBody(draft))
  return parsed.success ? parsed.data : null
}

/** Which step a server's field error belongs to ("body.contactPhone" → 3), to send the parent back there. */
export function stepOfField(field: string): number {
  const key = field.replace(/^(body|query|params)\./, '')
  const top = key.startsWith('unlistedInstitution') ? 'unlisted.' + (key.split('.')[1] ?? 'name') : key.split('.')[0]
  const index = COMPLAINT_STEPS.findIndex((step) => (step.fields as readonly string[]).includes(top))
  return index === -1 ? 0 : index
}
