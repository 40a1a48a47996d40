import { ApiError } from '@app/api/ApiError'
import { isRetryableFailure, newIdempotencyKey, SubmissionTracker } from '@app/lib/forms/idempotentSubmission'
import { IdempotencyKeySchema } from '@domain/booking'

const body = { slotId: 's1', childId: 'c1', contactName: '豆豆妈妈', contactPhone: '13800138000' }

describe('Idempotency-Key per confirm tap', () => {
  it('makes UUID-shaped keys the server accepts, different each time', () => {
    const a = newIdempotencyKey()
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(IdempotencyKeySchema.safeParse(a).success).toBe(true)
    expect(newIdempotencyKey()).not.toBe(a)
  })

  it('gives every tap a new key', () => {
    const tracker = new SubmissionTracker<typeof body>()
    expect(tracker.tap(body).key).not.toBe(tracker.tap(body).key)
  })

  it('retries a tap that got no final answer with the same key and body', () => {
    const tracker = new SubmissionTracker<typeof body>()
    const first = tracker.tap(body)
    tracker.settle(new ApiError('TIMEOUT', '网络太慢', null))
    expect(tracker.canRetry).toBe(true)
    expect(tracker.retry()).toEqual(first)
    tracker.settle(new ApiError('INTERNAL', '服务暂时出了点问题', 502))
    expect(tracker.retry()).toEqual(first)
  })

  it('ends the tap on a final answer, so the next tap gets a new key', () => {
    const tracker = new SubmissionTracker<typeof body>()
    const first = tracker.tap(body)
    tracker.settle(new ApiError('SLOT_FULL', '这个时段已约满', 409))
    expect(tracker.canRetry).toBe(false)
    expect(tracker.retry()).toBeNull()
    expect(tracker.tap(body).key).not.toBe(first.key)
    tracker.settle()
    expect(tracker.canRetry).toBe(false)
  })

  it('treats network failures, timeouts and 5xx as maybe-applied, 4xx answers as final', () => {
    expect(isRetryableFailure(new ApiError('NETWORK', '', null))).toBe(true)
    expect(isRetryableFailure(new ApiError('INTERNAL', '', 500))).toBe(true)
    expect(isRetryableFailure(new ApiError('AGE_NOT_ACCEPTED', '', 422))).toBe(false)
    expect(isRetryableFailure(new ApiError('VALIDATION', '', 400))).toBe(false)
  })
})
