import { AppTarget, requestJson, TestSession } from '@test/support/session'

export { signInRegulator } from '@test/support/staffAccounts'

/* Shared set-up of the complaint tests: regulators, and complaints filed through HTTP. */

export function complaintBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    institutionId: 'inst-c',
    category: 'food',
    description: '午餐的饭菜是冷的，孩子回家说肚子疼，老师没有告诉我们。',
    occurredAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
    anonymous: true,
    contactPhone: '13912340987',
    ...overrides,
  }
}

export interface Filed {
  trackingNo: string
  status: string
  acceptBy: string
  dueBy: string
}

export async function fileComplaint(app: AppTarget, who: TestSession, overrides: Record<string, unknown> = {}): Promise<Filed> {
  const answer = await requestJson(app, 'POST', '/api/v1/complaints', complaintBody(overrides), who.headers)
  if (answer.status !== 201) throw new Error(`file complaint: ${answer.status} ${JSON.stringify(answer.body)}`)
  return answer.body as Filed
}
