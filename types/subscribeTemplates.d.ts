/** Subscribe-message template ids per kind, replaced at build time by config/index.ts defineConstants. */
declare const SUBSCRIBE_TEMPLATE_IDS: Record<'visit_reminder' | 'booking_status' | 'enrollment_status' | 'complaint_status' | 'vacancy_alert' | 'rectification_status' | 'open_day_alert' | 'vacancy_stale', string>
