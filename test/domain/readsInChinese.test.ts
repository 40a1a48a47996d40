import { readsInChinese } from '@domain/readsInChinese'
import { SourceSchema, TipEntrySchema } from '@domain/content'

describe('what a parent reads is Chinese (issue 12: a WHO title in English in 今日小提示)', () => {
  it('accepts a Chinese title, with the original, an acronym or a standard number in brackets or alone', () => {
    for (const text of [
      '世界卫生组织《5岁以下儿童身体活动、久坐行为和睡眠指南》（2019）',
      '《5岁以下儿童身体活动、久坐行为和睡眠指南》（原题：Guidelines on physical activity, sedentary behaviour and sleep for children under 5 years of age）',
      '国家卫生健康委《妊娠期妇女体重增长推荐值标准》（WS/T 801—2022）',
      'WHO 与联合国儿童基金会的联合声明',
    ]) {
      expect({ text, ok: readsInChinese(text) }).toEqual({ text, ok: true })
    }
  })

  it('refuses an untranslated title, inside 《》 or not', () => {
    for (const text of [
      '世界卫生组织《WHO recommendations on antenatal care for a positive pregnancy experience》',
      'WHO Guidelines on physical activity, sedentary behaviour and sleep for children under 5 years of age（2019）',
      'World Health Organization',
    ]) {
      expect({ text, ok: readsInChinese(text) }).toEqual({ text, ok: false })
    }
  })

  it('is the library format\'s rule for tip sources and article sources', () => {
    const tip = TipEntrySchema.safeParse({ pregnancyWeek: 25, text: '保持适度活动', source: '世界卫生组织《WHO recommendations on antenatal care for a positive pregnancy experience》' })
    expect(tip.success).toBe(false)
    expect(SourceSchema.safeParse({ org: 'World Health Organization', title: '世界预防儿童伤害报告' }).success).toBe(false)
    expect(SourceSchema.safeParse({ org: '世界卫生组织', title: 'World report on child injury prevention' }).success).toBe(false)
    expect(SourceSchema.safeParse({ org: '世界卫生组织', title: '世界预防儿童伤害报告' }).success).toBe(true)
  })
})
