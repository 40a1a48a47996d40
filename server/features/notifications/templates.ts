import { WechatTemplates } from './templateIds'
import { NotificationKind } from './outbox'

/*
 * How an outbox payload becomes a subscribe message. Payloads use our own field names
 * (institution, time, status…); each WeChat template has its own keys (thing1, time2…),
 * fixed when the template is chosen in the 公众平台 console. Change a mapping together
 * with its template id (WECHAT_TEMPLATE_*). Fields a template lacks are left out.
 */

export const TEMPLATE_FIELDS: Record<NotificationKind, Record<string, string>> = {
  // 参观提醒: 机构名称 / 活动 / 时间 / 预约码
  visit_reminder: { institution: 'thing1', activity: 'thing2', time: 'time3', code: 'character_string4' },
  // 预约状态通知: 机构名称 / 活动 / 时间 / 状态 / 备注
  booking_status: { institution: 'thing1', activity: 'thing2', time: 'time3', status: 'phrase4', note: 'thing5' },
  // 入托申请进度: 机构名称 / 入托月份 / 状态
  enrollment_status: { institution: 'thing1', startMonth: 'thing2', status: 'phrase3' },
  // 投诉处理进度: 受理编号 / 状态 / 说明
  complaint_status: { trackingNo: 'character_string1', status: 'phrase2', note: 'thing3' },
  // 空位提醒: 搜索名称 / 机构名称 / 变化
  vacancy_alert: { search: 'thing1', institution: 'thing2', change: 'thing3' },
  // 整改通知进度: 机构名称 / 状态 / 说明
  rectification_status: { institution: 'thing1', status: 'phrase2', note: 'thing3' },
  // 开放日提醒: 机构名称 / 活动 / 时间
  open_day_alert: { institution: 'thing1', activity: 'thing2', time: 'time3' },
  // 信息更新提醒 (staff): 机构名称 / 内容 / 上次确认
  vacancy_stale: { institution: 'thing1', note: 'thing2', time: 'time3' },
}

/** Where tapping the message leads: 我的, which lists bookings, applications and complaints. */
export const NOTIFICATION_PAGE = 'pages/me/index'

export function templateData(kind: NotificationKind, payload: Record<string, string>): Record<string, string> {
  const fields = TEMPLATE_FIELDS[kind]
  return Object.fromEntries(
    Object.entries(payload)
      .filter(([name]) => fields[name] !== undefined)
      .map(([name, value]) => [fields[name], value]),
  )
}

export function templateId(templates: WechatTemplates, kind: NotificationKind): string {
  return templates[kind]
}

