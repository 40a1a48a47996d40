import { z } from 'zod'

/** Error codes and their HTTP statuses, fixed by docs/api.md. */
export const ERROR_STATUS = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  SLOT_FULL: 409,
  AGE_NOT_ACCEPTED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  /** A service we depend on (WeChat) cannot be reached: try again later. */
  UNAVAILABLE: 503,
} as const
export type ErrorCode = keyof typeof ERROR_STATUS

export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
})
export type ErrorBody = z.infer<typeof ErrorBodySchema>

export const DEFAULT_ERROR_MESSAGES: Record<ErrorCode, string> = {
  VALIDATION: '填写的内容有误，请检查后再试',
  UNAUTHORIZED: '请先登录',
  FORBIDDEN: '没有权限进行这个操作',
  NOT_FOUND: '没有找到相关内容',
  CONFLICT: '操作冲突，请刷新后再试',
  SLOT_FULL: '这个时段已约满，请选择其他时间',
  AGE_NOT_ACCEPTED: '孩子的月龄不在该机构的招收范围内',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  INTERNAL: '服务暂时出了点问题，请稍后再试',
  UNAVAILABLE: '暂时无法连接微信服务，请稍后再试',
}
