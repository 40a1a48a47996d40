-- Issue 9: staff are reminded when their vacancies have not been confirmed for 14 days
-- (server/features/find/staleVacancyReminders.ts): a subscribe message of its own kind,
-- and when the institution was last reminded, so it is reminded at most once a period.
alter table subscriptions drop constraint subscriptions_kind_check;
alter table subscriptions add constraint subscriptions_kind_check
  check (kind in ('visit_reminder', 'booking_status', 'enrollment_status', 'complaint_status', 'vacancy_alert', 'vacancy_stale'));
alter table notification_outbox drop constraint notification_outbox_kind_check;
alter table notification_outbox add constraint notification_outbox_kind_check
  check (kind in ('visit_reminder', 'booking_status', 'enrollment_status', 'complaint_status', 'vacancy_alert', 'vacancy_stale'));
alter table institutions add column vacancy_reminded_at timestamptz;

-- When staff last set their 托育费 per care mode and their opening hours (parents see both).
alter table institutions add column fees_updated_at timestamptz;
alter table institutions add column hours_updated_at timestamptz;
