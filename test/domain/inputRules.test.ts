import { MobilePhoneSchema, normalisePhone, normaliseTrackingNo, PhoneLast4Schema, phoneProblem, TrackingNoSchema, trackingNoProblem } from '@domain/inputRules'

describe('tracking numbers as parents type them', () => {
  it.each([
    ['TS20261122-7F3K9Q'],
    ['ts20261122-7f3k9q'],
    ['TS20261122－7F3K9Q'],
    ['TS20261122—7F3K9Q'],
    ['TS20261122–7F3K9Q'],
    ['TS202611227F3K9Q'],
    [' TS 20261122 7F3K9Q '],
    ['ＴＳ２０２６１１２２－７Ｆ３Ｋ９Ｑ'],
    ['ｔｓ２０２６１１２２７ｆ３ｋ９ｑ'],
  ])('accepts %j as TS20261122-7F3K9Q', (typed) => {
    expect(normaliseTrackingNo(typed)).toBe('TS20261122-7F3K9Q')
    expect(TrackingNoSchema.parse(typed)).toBe('TS20261122-7F3K9Q')
  })

  it('names what is actually wrong', () => {
    expect(trackingNoProblem('')).toBe('请填写查询码')
    expect(trackingNoProblem('20261122-7F3K9Q')).toContain('以 TS 开头')
    expect(trackingNoProblem('TS2026112-7F3K9Q')).toBe('TS 后面应是 8 位日期数字，现在是「2026112」')
    expect(trackingNoProblem('TS20261122-7F3K9')).toBe('日期后面应是 6 个字母或数字，现在是 5 个')
    expect(trackingNoProblem('TS20261122-7F3K0Q')).toContain('没有 0、1、O、I')
  })
})

describe('mobile numbers as parents type them', () => {
  it.each([['13800138000'], ['138 0013 8000'], ['138-0013-8000'], ['１３８００１３８０００'], ['+86 138 0013 8000'], ['0086-13800138000'], ['138—0013—8000']])('accepts %j', (typed) => {
    expect(normalisePhone(typed)).toBe('13800138000')
    expect(MobilePhoneSchema.parse(typed)).toBe('13800138000')
  })

  it('says a number of the wrong length is not 11 digits, and an 11-digit one what else is wrong', () => {
    expect(phoneProblem('1380013')).toBe('请填写 11 位手机号')
    expect(phoneProblem('23800138000')).toBe('手机号应以 13–19 开头，请核对第一、二位')
    expect(phoneProblem('1380013800a')).toBe('手机号只能包含数字')
    expect(phoneProblem('')).toBe('请填写手机号')
  })
})

describe('the last four digits of a phone', () => {
  it('accepts full-width digits and spaces, and names a wrong length', () => {
    expect(PhoneLast4Schema.parse('８０ ００')).toBe('8000')
    expect(PhoneLast4Schema.safeParse('800').error?.issues[0]?.message).toBe('手机号后四位应为 4 位数字，现在是 3 位')
  })
})
