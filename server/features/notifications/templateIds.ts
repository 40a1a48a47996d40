/** The subscribe-message template id of each kind of notice (公众平台 → 订阅消息; docs/platform-notes.md). */
export interface WechatTemplates {
  visit_reminder: string
  booking_status: string
  enrollment_status: string
  complaint_status: string
  vacancy_alert: string
  rectification_status: string
  open_day_alert: string
  vacancy_stale: string
}

/** Placeholder template ids for the demo and tests (the fake WeChat server accepts any). */
export const DEMO_TEMPLATES: WechatTemplates = {
  visit_reminder: 'demo-visit-reminder',
  booking_status: 'demo-booking-status',
  enrollment_status: 'demo-enrollment-status',
  complaint_status: 'demo-complaint-status',
  vacancy_alert: 'demo-vacancy-alert',
  rectification_status: 'demo-rectification-status',
  open_day_alert: 'demo-open-day-alert',
  vacancy_stale: 'demo-vacancy-stale',
}
