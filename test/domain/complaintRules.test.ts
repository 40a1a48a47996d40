import { ComplaintCreateBodySchema, COMPLAINT_CATEGORIES, COMPLAINT_CATEGORY_LABELS, TrackingNoSchema } from '@domain/complaint'
import {
  allowedActions,
  canGiveFeedback,
  deadlinesFrom,
  FeedbackState,
  isOverdue,
  nextStatus,
  reexaminationRefusal,
  reexaminationUntil,
  urgencyOf,
} from '@domain/complaintRules'

const filedAt = new Date('2026-11-20T17:00:00+08:00') // a Friday
const hours = (h: number) => new Date(filedAt.getTime() + h * 3600_000)

const resolved = (over: Partial<FeedbackState> = {}): FeedbackState => ({
  status: 'resolved',
  resolvedAt: new Date('2026-11-01T10:00:00+08:00'),
  feedbackGiven: false,
  satisfied: null,
  reexaminationRequested: false,
  ...over,
})

describe('the complaint state machine', () => {
  it('goes submitted → accepted → investigating → resolved', () => {
    expect(nextStatus('submitted', 'accept')).toBe('accepted')
    expect(nextStatus('accepted', 'investigate')).toBe('investigating')
    expect(nextStatus('investigating', 'resolve')).toBe('resolved')
  })

  it('rejects only from submitted', () => {
    expect(nextStatus('submitted', 'reject')).toBe('rejected')
    expect(nextStatus('accepted', 'reject')).toBeNull()
    expect(nextStatus('investigating', 'reject')).toBeNull()
  })

  it('investigates again after a re-examination request', () => {
    expect(nextStatus('reexamination_requested', 'investigate')).toBe('investigating')
    expect(allowedActions('reexamination_requested')).toEqual(['investigate'])
  })

  it('allows nothing once resolved or rejected, and no skipping ahead', () => {
    expect(allowedActions('resolved')).toEqual([])
    expect(allowedActions('rejected')).toEqual([])
    expect(nextStatus('submitted', 'resolve')).toBeNull()
    expect(nextStatus('submitted', 'investigate')).toBeNull()
  })
})

describe('complaint deadlines', () => {
  it('gives abuse and safety hours, round the clock', () => {
    expect(urgencyOf('abuse')).toBe('urgent')
    expect(urgencyOf('safety')).toBe('urgent')
    expect(deadlinesFrom('abuse', filedAt)).toEqual({ acceptBy: hours(2), dueBy: hours(24) })
  })

  it('gives ordinary categories working days', () => {
    const d = deadlinesFrom('fees', filedAt)
    expect(d.acceptBy.toISOString()).toBe('2026-11-25T15:59:59.999Z') // Wednesday, 3 working days
    expect(d.dueBy.toISOString()).toBe('2026-12-11T15:59:59.999Z') // 15 working days
  })

  it('flags overdue: unaccepted after acceptBy, or open after dueBy; never once closed', () => {
    const d = deadlinesFrom('abuse', filedAt)
    expect(isOverdue('submitted', d, hours(1))).toBe(false)
    expect(isOverdue('submitted', d, hours(3))).toBe(true)
    expect(isOverdue('accepted', d, hours(3))).toBe(false)
    expect(isOverdue('investigating', d, hours(25))).toBe(true)
    expect(isOverdue('resolved', d, hours(100))).toBe(false)
    expect(isOverdue('rejected', d, hours(100))).toBe(false)
  })
})

describe('feedback and re-examination', () => {
  it('takes feedback once, only when resolved', () => {
    expect(canGiveFeedback(resolved())).toBe(true)
    expect(canGiveFeedback(resolved({ feedbackGiven: true, satisfied: false }))).toBe(false)
    expect(canGiveFeedback(resolved({ status: 'investigating' }))).toBe(false)
  })

  it('allows one re-examination within 15 days of the answer', () => {
    const s = resolved()
    expect(reexaminationUntil(s)?.toISOString()).toBe('2026-11-16T02:00:00.000Z')
    expect(reexaminationRefusal(s, new Date('2026-11-15T10:00:00+08:00'))).toBeNull()
    expect(reexaminationRefusal(s, new Date('2026-11-16T10:00:01+08:00'))).toMatch(/15 天/)
    expect(reexaminationRefusal(resolved({ reexaminationRequested: true }), new Date('2026-11-02T00:00:00+08:00'))).toMatch(/一次/)
    expect(reexaminationRefusal(resolved({ satisfied: true, feedbackGiven: true }), new Date('2026-11-02T00:00:00+08:00'))).toMatch(/满意/)
    expect(reexaminationRefusal(resolved({ status: 'accepted' }), new Date())).toMatch(/办结后/)
  })
})

describe('complaint input', () => {
  const body = {
    institutionId: 'inst-1',
    category: 'food',
    description: '午餐的饭菜是冷的，孩子回家说肚子疼。',
    occurredAt: '2026-11-20T12:00:00+08:00',
    anonymous: true,
    contactPhone: '13812345678',
  }

  it('labels every category in Chinese', () => {
    for (const c of COMPLAINT_CATEGORIES) expect(COMPLAINT_CATEGORY_LABELS[c]).toMatch(/\p{Script=Han}/u)
  })

  it('needs exactly one of a listed institution or an unlisted one', () => {
    expect(ComplaintCreateBodySchema.safeParse(body).success).toBe(true)
    const { institutionId: _, ...none } = body
    expect(ComplaintCreateBodySchema.safeParse(none).success).toBe(false)
    const both = { ...body, unlistedInstitution: { name: '某托育', address: '某路1号', district: '500112' } }
    expect(ComplaintCreateBodySchema.safeParse(both).success).toBe(false)
  })

  it('takes at most six photos', () => {
    expect(ComplaintCreateBodySchema.safeParse({ ...body, attachments: Array(7).fill('att_x') }).success).toBe(false)
  })

  it('reads tracking numbers in any case, refuses other shapes', () => {
    expect(TrackingNoSchema.parse('ts20261122-7f3k9q')).toBe('TS20261122-7F3K9Q')
    expect(TrackingNoSchema.safeParse('TS20261122-7F3K9').success).toBe(false)
    expect(TrackingNoSchema.safeParse('TS20261122-0O1I23').success).toBe(false)
  })
})
