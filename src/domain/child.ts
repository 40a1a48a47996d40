import { z } from 'zod'
import { isValidIsoDate, ISO_DATE, todayInShanghai, shanghaiDate } from './shanghaiTime'
import { safeText } from './safeText'

/*
 * A child, kept to the least PIPL allows us to need (art. 6, 28): a nickname and a
 * birth date, or a due date before birth. No name, ID number or photo.
 */

export const CHILD_NICKNAME_MAX = 12
/** 托育 is for children under three; a few years' margin lets siblings stay listed. */
export const OLDEST_BIRTH_YEARS = 6
/** A pregnancy lasts about 280 days from the last period; a due date further out is a typo. */
export const LATEST_DUE_DAYS = 300

const IsoDateSchema = safeText({ error: '请填写日期' })
  .regex(ISO_DATE, '日期格式应为 YYYY-MM-DD')
  .refine(isValidIsoDate, '日期不存在')

/** The body of POST /api/v1/me/children; `today` is injectable for tests. */
export function childCreateBodySchema(today: () => string = () => todayInShanghai()) {
  return z
    .object({
      nickname: safeText({ error: '请填写小名' }).trim().min(1, '请填写小名').max(CHILD_NICKNAME_MAX, `小名最多 ${CHILD_NICKNAME_MAX} 个字`),
      birthDate: IsoDateSchema.optional(),
      dueDate: IsoDateSchema.optional(),
      /** The guardian's separate consent (PIPL art. 31); the server records it. */
      guardianConsent: z.literal(true, { error: '需要监护人同意后才能添加孩子信息' }),
    })
    .superRefine((body, ctx) => {
      if ((body.birthDate === undefined) === (body.dueDate === undefined)) {
        ctx.addIssue({ code: 'custom', path: ['birthDate'], message: '请填写出生日期或预产期（二选一）' })
        return
      }
      const now = shanghaiDate(today())
      if (body.birthDate !== undefined) {
        const birth = shanghaiDate(body.birthDate)
        if (birth.isAfter(now)) ctx.addIssue({ code: 'custom', path: ['birthDate'], message: '出生日期不能晚于今天' })
        else if (birth.isBefore(now.subtract(OLDEST_BIRTH_YEARS, 'year'))) {
          ctx.addIssue({ code: 'custom', path: ['birthDate'], message: `只能添加 ${OLDEST_BIRTH_YEARS} 岁以下的孩子` })
        }
      }
      if (body.dueDate !== undefined) {
        const due = shanghaiDate(body.dueDate)
        if (due.isBefore(now)) ctx.addIssue({ code: 'custom', path: ['dueDate'], message: '预产期已过，请改填出生日期' })
        else if (due.isAfter(now.add(LATEST_DUE_DAYS, 'day'))) ctx.addIssue({ code: 'custom', path: ['dueDate'], message: '预产期太远，请检查' })
      }
    })
}
export type ChildCreateBody = z.infer<ReturnType<typeof childCreateBodySchema>>

export const ChildSchema = z.object({
  id: z.string(),
  nickname: z.string(),
  birthDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  createdAt: z.string(),
})
export type Child = z.infer<typeof ChildSchema>

/** The day whose age counts: the birth date, or for an unborn child the due date. */
export function childReferenceDate(child: Pick<Child, 'birthDate' | 'dueDate'>): string {
  return (child.birthDate ?? child.dueDate)!
}
