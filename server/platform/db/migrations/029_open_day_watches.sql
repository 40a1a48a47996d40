-- 订阅开放日提醒 (src/domain/openDayWatch.ts): a parent asks to be told when an institution
-- with nothing open publishes an open day or a visit. Its alerts share 我的 · 空位提醒 with
-- the saved searches' (one list, one alert job), so saved_search_alerts now has two sources.
create table open_day_watches (
  id              text primary key,
  user_id         text not null references users (id) on delete cascade,
  institution_id  text not null references institutions (id) on delete cascade,
  created_at      timestamptz not null default now(),
  unique (user_id, institution_id)
);
create index open_day_watches_institution_idx on open_day_watches (institution_id);

alter table saved_search_alerts alter column saved_search_id drop not null;
alter table saved_search_alerts add column open_day_watch_id text references open_day_watches (id) on delete cascade;
alter table saved_search_alerts add constraint saved_search_alerts_one_source
  check ((saved_search_id is null) <> (open_day_watch_id is null));
-- At most one alert per subscription per day, as for saved searches.
create unique index saved_search_alerts_watch_day_idx on saved_search_alerts (open_day_watch_id, alert_day);
alter table saved_search_alerts drop constraint saved_search_alerts_change_check;
alter table saved_search_alerts add constraint saved_search_alerts_change_check
  check (change in ('vacancy_gained', 'open_day_published', 'visit_published'));

-- Its subscribe message is a kind of its own (机构名称 / 活动 / 时间).
alter table subscriptions drop constraint subscriptions_kind_check;
alter table subscriptions add constraint subscriptions_kind_check
  check (kind in ('visit_reminder', 'booking_status', 'enrollment_status', 'complaint_status', 'vacancy_alert', 'vacancy_stale', 'rectification_status', 'open_day_alert'));
alter table notification_outbox drop constraint notification_outbox_kind_check;
alter table notification_outbox add constraint notification_outbox_kind_check
  check (kind in ('visit_reminder', 'booking_status', 'enrollment_status', 'complaint_status', 'vacancy_alert', 'vacancy_stale', 'rectification_status', 'open_day_alert'));
