import { ApiError, errorMessage } from '@app/api/ApiError'
import { FieldErrors, fieldErrorsFromServer } from '@app/lib/forms/formErrors'

/**
 * What a failed booking or application means for the parent, in plain Chinese, with
 * what to do next: the server's message (it knows the reason) plus our advice.
 */
export interface FailureAdvice {
  message: string
  advice: string | null
  /** The next step the page offers. */
  action: 'pick_other_slot' | 'pick_other_child' | 'sign_in' | 'retry' | 'fix_fields' | 'none'
  fields: FieldErrors
}

export function adviceForFailure(error: unknown): FailureAdvice {
  if (!(error instanceof ApiError)) return { message: errorMessage(error), advice: null, action: 'retry', fields: {} }
  switch (error.code) {
    case 'SLOT_FULL':
      return { message: error.message, advice: '名额刚刚被约完了。请回到日历选择其他日期或时段。', action: 'pick_other_slot', fields: {} }
    case 'AGE_NOT_ACCEPTED':
      return {
        message: error.message,
        advice: '可以换一个孩子，或选择招收这个月龄的其他机构；家长课堂不限月龄。',
        action: 'pick_other_child',
        fields: {},
      }
    case 'VALIDATION':
      return { message: error.message, advice: '请按提示修改后再提交。', action: 'fix_fields', fields: fieldErrorsFromServer(error) }
    case 'UNAUTHORIZED':
      return { message: '登录已过期，请到“我的”重新登录后再预约', advice: null, action: 'sign_in', fields: {} }
    case 'NETWORK':
    case 'TIMEOUT':
    case 'INTERNAL':
    case 'BAD_RESPONSE':
      return { message: error.message, advice: '点“重试”会再次提交同一个预约，不会重复占用名额。', action: 'retry', fields: {} }
    default:
      return { message: error.message, advice: null, action: 'none', fields: {} }
  }
}
