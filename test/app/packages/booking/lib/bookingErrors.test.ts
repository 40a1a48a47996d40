import { ApiError } from '@app/api/ApiError'
import { readResponse } from '@app/api/http'
import { BookingSchema } from '@domain/booking'
import { adviceForFailure } from '@app/packages/booking/lib/bookingErrors'
import { fieldErrorsFromZod, validateForm } from '@app/lib/forms/formErrors'
import { BookingCreateBodySchema } from '@domain/booking'

function serverError(status: number, code: string, message: string, fields?: Record<string, string>): ApiError {
  try {
    readResponse(status, { error: { code, message, fields } }, BookingSchema)
  } catch (error) {
    return error as ApiError
  }
  throw new Error('expected a failure')
}

describe('what a refused booking tells the parent', () => {
  it('says a full slot is full and offers other times', () => {
    const advice = adviceForFailure(serverError(409, 'SLOT_FULL', '这个时段已约满，请选择其他时间'))
    expect(advice).toMatchObject({ message: '这个时段已约满，请选择其他时间', action: 'pick_other_slot' })
    expect(advice.advice).toContain('其他日期')
  })

  it('passes on the server’s age reason and suggests another child or institution', () => {
    const advice = adviceForFailure(serverError(422, 'AGE_NOT_ACCEPTED', '该机构招收12个月–3岁的孩子，活动当天孩子8个月，不在范围内'))
    expect(advice.message).toContain('8个月')
    expect(advice.action).toBe('pick_other_child')
  })

  it('puts the server’s field messages under the form’s own boxes', () => {
    const advice = adviceForFailure(serverError(400, 'VALIDATION', '填写的内容有误', { 'body.contactPhone': '请填写 11 位手机号' }))
    expect(advice).toMatchObject({ action: 'fix_fields', fields: { contactPhone: '请填写 11 位手机号' } })
  })

  it('offers a retry of the same booking when the network failed', () => {
    const advice = adviceForFailure(new ApiError('NETWORK', '网络不太好，请检查网络后重试', null))
    expect(advice.action).toBe('retry')
    expect(advice.advice).toContain('不会重复')
  })

  it('asks to sign in again when the session is gone', () => {
    expect(adviceForFailure(serverError(401, 'UNAUTHORIZED', '请先登录')).action).toBe('sign_in')
  })
})

describe('booking form validation', () => {
  it('shows the domain schema’s Chinese message for each bad field, before anything is sent', () => {
    const checked = validateForm(BookingCreateBodySchema, { slotId: 's1', childId: '', contactName: ' ', contactPhone: '1380013' })
    expect(checked).toEqual({
      ok: false,
      fields: { childId: '请选择孩子', contactName: '请填写联系人', contactPhone: '请填写 11 位手机号' },
    })
  })

  it('keeps the first message when a field has several', () => {
    const parsed = BookingCreateBodySchema.safeParse({})
    expect(parsed.success).toBe(false)
    if (!parsed.success) expect(fieldErrorsFromZod(parsed.error).slotId).toBe('请选择时段')
  })
})
