import { z } from 'zod'
import { safeText } from './safeText'

/*
 * The library's other checkable tables, kept as dated data in content/schedules/ beside
 * the immunisation schedule (immunisation.ts) and rendered into the articles that cite
 * them: the child health check-up ages of 国家基本公共卫生服务规范, and the pregnancy
 * weight-gain ranges by pre-pregnancy BMI of WS/T 801—2022. Their dates (issued, in
 * force from) are the register's, on the document they cite.
 */

const TableBase = {
  title: safeText().trim().min(1),
  /** Register id of the document the table comes from (content/sources.md). */
  source: safeText({ error: '表格缺少来源 source' }).trim().min(1, '表格缺少来源 source'),
  clause: safeText({ error: '表格缺少条款 clause' }).trim().min(1, '表格缺少条款 clause'),
}

/** 0～6岁儿童健康管理: the ages of the free check-ups. */
export const CheckupTableSchema = z
  .object({
    id: z.literal('checkups'),
    ...TableBase,
    visits: z
      .array(z.object({ ageMonths: z.number().int().min(0).max(72), label: safeText().trim().min(1) }).strict())
      .min(1)
      .refine((visits) => visits.every((v, i) => i === 0 || v.ageMonths > visits[i - 1].ageMonths), '体检月龄应从小到大、不重复'),
  })
  .strict()
export type CheckupTable = z.infer<typeof CheckupTableSchema>

/** Total gain over a singleton pregnancy by pre-pregnancy BMI. */
export const WeightGainTableSchema = z
  .object({
    id: z.literal('pregnancy-weight-gain'),
    ...TableBase,
    groups: z
      .array(
        z
          .object({
            label: safeText().trim().min(1),
            /** The BMI band as the standard writes it, e.g. "18.5≤BMI<24.0". */
            bmi: safeText().trim().min(1),
            gainKg: z.tuple([z.number().positive(), z.number().positive()]).refine(([low, high]) => low < high, '增重范围下限应小于上限'),
          })
          .strict(),
      )
      .min(1),
  })
  .strict()
export type WeightGainTable = z.infer<typeof WeightGainTableSchema>
