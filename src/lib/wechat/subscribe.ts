import { SUBSCRIPTION_KINDS } from '@domain/myBookings'

/*
 * Subscribe messages (订阅消息): each accepted template allows one message. The app asks
 * from a tap, right after a booking or an application, and tells the server which kinds
 * the parent accepted.
 */

export type SubscriptionKind = (typeof SUBSCRIPTION_KINDS)[number]

export const SUBSCRIPTION_KIND_LABELS: Record<SubscriptionKind, string> = {
  visit_reminder: '到访前一天提醒我',
  booking_status: '预约状态变化通知我',
  enrollment_status: '申请状态变化通知我',
  complaint_status: '投诉处理进展通知我',
  vacancy_alert: '保存的搜索有空位或开放日时通知我',
  rectification_status: '整改通知有新进展时通知我',
  open_day_alert: '这家机构发布开放日时通知我',
  vacancy_stale: '空位信息超过 14 天未确认时提醒我',
}

export interface TemplateRequest {
  kind: SubscriptionKind
  templateId: string
}

/** The configured templates of these kinds (unconfigured ones are left out). */
export function templatesFor(kinds: readonly SubscriptionKind[], ids: Partial<Record<SubscriptionKind, string>>): TemplateRequest[] {
  return kinds.flatMap((kind) => (ids[kind] ? [{ kind, templateId: ids[kind]! }] : []))
}

/** requestSubscribeMessage answers {templateId: 'accept' | 'reject' | 'ban' | 'filter'}. */
export function acceptedKinds(requests: readonly TemplateRequest[], answer: Record<string, unknown>): SubscriptionKind[] {
  return requests.filter((request) => answer[request.templateId] === 'accept').map((request) => request.kind)
}

/** The build's template ids (config/index.ts); none outside a Taro build. */
export function configuredTemplateIds(): Partial<Record<SubscriptionKind, string>> {
  return typeof SUBSCRIBE_TEMPLATE_IDS === 'object' && SUBSCRIBE_TEMPLATE_IDS !== null ? SUBSCRIBE_TEMPLATE_IDS : {}
}
