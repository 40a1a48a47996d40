import { hasVerifiedVisit, maskNickname, overallScore, ReviewBodySchema, ReviewScores } from '@domain/review'

const scores = (safety: number, hygiene: number, care: number, food: number, communication: number, value: number): ReviewScores => ({
  safety,
  hygiene,
  care,
  food,
  communication,
  value,
})

describe('overallScore', () => {
  it('is the mean of the six scores, rounded half up', () => {
    expect(overallScore(scores(5, 5, 5, 5, 5, 5))).toBe(5)
    expect(overallScore(scores(1, 1, 1, 1, 1, 1))).toBe(1)
    expect(overallScore(scores(5, 5, 5, 4, 4, 4))).toBe(5) // 4.5
    expect(overallScore(scores(5, 5, 4, 4, 4, 4))).toBe(4) // 4.33
    expect(overallScore(scores(1, 1, 1, 2, 2, 2))).toBe(2) // 1.5
    expect(overallScore(scores(1, 1, 1, 1, 2, 2))).toBe(1) // 1.33
  })
})

describe('maskNickname', () => {
  it('keeps only the first character', () => {
    expect(maskNickname('小明妈妈')).toBe('小**')
    expect(maskNickname('A')).toBe('A**')
  })

  it('keeps a character outside the BMP whole', () => {
    expect(maskNickname('𠀋宝妈')).toBe('𠀋**')
  })

  it('says 家长 without a nickname', () => {
    expect(maskNickname(null)).toBe('家长')
    expect(maskNickname('  ')).toBe('家长')
  })
})

describe('hasVerifiedVisit', () => {
  const none = { bookings: [], enrollments: [] }

  it('allows a parent who attended a visit, an open day or a trial', () => {
    for (const slotKind of ['visit', 'open_day', 'trial', 'hourly', 'temporary'] as const) {
      expect(hasVerifiedVisit({ ...none, bookings: [{ slotKind, status: 'attended' }] })).toBe(true)
    }
  })

  it('allows a parent whose child was admitted', () => {
    expect(hasVerifiedVisit({ ...none, enrollments: [{ status: 'admitted' }] })).toBe(true)
  })

  it('refuses a parent who only booked, did not come, or attended a lecture', () => {
    expect(hasVerifiedVisit(none)).toBe(false)
    expect(hasVerifiedVisit({ ...none, bookings: [{ slotKind: 'visit', status: 'confirmed' }] })).toBe(false)
    expect(hasVerifiedVisit({ ...none, bookings: [{ slotKind: 'trial', status: 'no_show' }] })).toBe(false)
    expect(hasVerifiedVisit({ ...none, bookings: [{ slotKind: 'lecture', status: 'attended' }] })).toBe(false)
    expect(hasVerifiedVisit({ ...none, enrollments: [{ status: 'submitted' }, { status: 'waitlisted' }, { status: 'declined' }] })).toBe(false)
  })
})

describe('ReviewBodySchema', () => {
  const good = { scores: scores(5, 4, 4, 3, 5, 4) }

  it('accepts six whole scores from 1 to 5 and optional text', () => {
    expect(ReviewBodySchema.parse(good)).toEqual(good)
    expect(ReviewBodySchema.parse({ ...good, text: '  老师很耐心  ' }).text).toBe('老师很耐心')
  })

  it('treats blank text as no text', () => {
    expect(ReviewBodySchema.parse({ ...good, text: '   ' }).text).toBeUndefined()
  })

  it('refuses a score outside 1–5, a fraction or a missing dimension, naming the dimension', () => {
    for (const bad of [0, 6, 3.5, '5', null]) {
      const result = ReviewBodySchema.safeParse({ scores: { ...good.scores, food: bad } })
      expect(result.success).toBe(false)
      expect(result.error?.issues[0].message).toContain('膳食')
    }
    const { value: _value, ...missing } = good.scores
    expect(ReviewBodySchema.safeParse({ scores: missing }).error?.issues[0].message).toContain('性价比')
  })

  it('refuses text over 500 characters', () => {
    expect(ReviewBodySchema.safeParse({ ...good, text: '好'.repeat(500) }).success).toBe(true)
    expect(ReviewBodySchema.safeParse({ ...good, text: '好'.repeat(501) }).error?.issues[0].message).toBe('评价内容最多 500 个字')
  })
})
