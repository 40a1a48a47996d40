-- 保存的搜索 and their alerts (src/domain/savedSearch.ts).
create table saved_searches (
  id              text primary key,
  user_id         text not null references users (id) on delete cascade,
  name            text not null,
  district_code   text,
  lat             double precision,
  lng             double precision,
  radius_km       double precision check (radius_km > 0 and radius_km <= 50),
  care_mode       text check (care_mode in ('full_day', 'half_day', 'hourly', 'temporary')),
  age_months      integer check (age_months between 0 and 36),
  max_fee         integer check (max_fee > 0),
  affordable_only boolean not null default false,
  created_at      timestamptz not null default now(),
  check (district_code is not null or lat is not null),
  check ((lat is null) = (lng is null) and (lat is null) = (radius_km is null))
);
create index saved_searches_user_idx on saved_searches (user_id, created_at);

-- At most one alert per saved search per day: the unique key is the rule.
create table saved_search_alerts (
  id               text primary key,
  saved_search_id  text not null references saved_searches (id) on delete cascade,
  user_id          text not null references users (id) on delete cascade,
  alert_day        date not null,
  change           text not null check (change in ('vacancy_gained', 'open_day_published')),
  institution_id   text not null references institutions (id) on delete cascade,
  text             text not null,
  created_at       timestamptz not null default now(),
  unique (saved_search_id, alert_day)
);
create index saved_search_alerts_user_idx on saved_search_alerts (user_id, created_at desc);

-- What the alert job saw last: each institution's vacancies, and how far it has read new open days.
create table vacancy_watch (
  institution_id  text primary key references institutions (id) on delete cascade,
  vacancies       integer not null,
  seen_at         timestamptz not null default now()
);
create table alert_watermarks (
  name  text primary key,
  at    timestamptz not null
);

-- The alert's subscribe message is a kind of its own.
alter table subscriptions drop constraint subscriptions_kind_check;
alter table subscriptions add constraint subscriptions_kind_check
  check (kind in ('visit_reminder', 'booking_status', 'enrollment_status', 'complaint_status', 'vacancy_alert'));
alter table notification_outbox drop constraint notification_outbox_kind_check;
alter table notification_outbox add constraint notification_outbox_kind_check
  check (kind in ('visit_reminder', 'booking_status', 'enrollment_status', 'complaint_status', 'vacancy_alert'));
