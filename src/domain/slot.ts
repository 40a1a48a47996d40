import { z } from 'zod'
import { safeText } from './safeText'
import { EVENT_QUERY_WINDOW, EVENT_WINDOW, isoDateTimeWithin } from './datedField'

/*
 * Bookable times an institution publishes (入托网上约):
 * open_day 托育开放日 · visit 预约参观 · trial 试托 · lecture 讲座/家长课堂 (生命1000天) ·
 * hourly 计时托 and temporary 临时托 sessions — care by the hour or the day, booked
 * through the same booking service and capacity guard as every other kind (issue 9).
 */
export const SLOT_KINDS = ['open_day', 'visit', 'trial', 'lecture', 'hourly', 'temporary'] as const
export const SlotKindSchema = z.enum(SLOT_KINDS, { error: '时段类型只能是开放日、参观、试托、讲座、计时托或临时托' })
export type SlotKind = z.infer<typeof SlotKindSchema>
export const SLOT_KIND_LABELS: Record<SlotKind, string> = {
  open_day: '托育开放日',
  visit: '预约参观',
  trial: '试托',
  lecture: '家长课堂',
  hourly: '计时托',
  temporary: '临时托',
}

/** The kinds that are care itself (a child is looked after), not a visit or a talk. */
export const CARE_SESSION_KINDS = ['hourly', 'temporary'] as const satisfies readonly SlotKind[]

/** open — bookable while places remain and it has not started; cancelled — by staff, with notice. */
export const SLOT_STATUSES = ['open', 'cancelled'] as const
export const SlotStatusSchema = z.enum(SLOT_STATUSES)
export type SlotStatus = z.infer<typeof SlotStatusSchema>

export const SLOT_CAPACITY_MAX = 500

/** ISO-8601 with an offset, as docs/api.md asks for every time: a search bound over events. */
export const IsoDateTimeSchema = isoDateTimeWithin(EVENT_QUERY_WINDOW, '时间')
/** When a slot starts or ends: within the planning window (datedField.ts). */
const SlotTimeSchema = isoDateTimeWithin(EVENT_WINDOW, '时段时间')

export const SlotSchema = z.object({
  id: z.string(),
  institutionId: z.string(),
  kind: SlotKindSchema,
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number().int().nonnegative(),
  remaining: z.number().int().nonnegative(),
  status: SlotStatusSchema,
  /** When true, a booking waits as pending until staff confirm it (it still holds its place). */
  requiresConfirmation: z.boolean(),
})
export type Slot = z.infer<typeof SlotSchema>

export const SlotsQuerySchema = z.object({
  from: IsoDateTimeSchema.optional(),
  to: IsoDateTimeSchema.optional(),
  kind: SlotKindSchema.optional(),
})
export type SlotsQuery = z.infer<typeof SlotsQuerySchema>

const slotFields = {
  kind: SlotKindSchema,
  title: safeText().trim().max(40, '标题最多 40 个字').optional(),
  startsAt: SlotTimeSchema,
  endsAt: SlotTimeSchema,
  capacity: z.number({ error: '名额应为数字' }).int('名额应为整数').min(1, '名额至少 1 个').max(SLOT_CAPACITY_MAX, `名额最多 ${SLOT_CAPACITY_MAX} 个`),
  requiresConfirmation: z.boolean().optional(),
}

function endsAfterStart(slot: { startsAt?: string; endsAt?: string }): boolean {
  return slot.startsAt === undefined || slot.endsAt === undefined || Date.parse(slot.endsAt) > Date.parse(slot.startsAt)
}

/** Staff: POST /api/v1/staff/slots. */
export const SlotCreateBodySchema = z.object(slotFields).refine(endsAfterStart, { path: ['endsAt'], message: '结束时间应晚于开始时间' })
export type SlotCreateBody = z.infer<typeof SlotCreateBodySchema>

/** A slot repeated on the same weekday and time, up to 12 weeks (POST /api/v1/staff/slots/weekly). */
export const WEEKLY_REPEAT_MAX = 12
export const WeeklySlotsBodySchema = z
  .object({
    ...slotFields,
    weeks: z.number({ error: '周数应为数字' }).int('周数应为整数').min(1, '至少 1 周').max(WEEKLY_REPEAT_MAX, `最多连续 ${WEEKLY_REPEAT_MAX} 周`),
  })
  .refine(endsAfterStart, { path: ['endsAt'], message: '结束时间应晚于开始时间' })
export type WeeklySlotsBody = z.infer<typeof WeeklySlotsBodySchema>

/** Staff: PATCH /api/v1/staff/slots/:id. Capacity below the places already taken is a 409. */
export const SlotUpdateBodySchema = z
  .object(slotFields)
  .omit({ kind: true })
  .partial()
  .refine((body) => Object.keys(body).length > 0, '没有要修改的内容')
  .refine(endsAfterStart, { path: ['endsAt'], message: '结束时间应晚于开始时间' })
export type SlotUpdateBody = z.infer<typeof SlotUpdateBodySchema>
