-- Subscribe messages (订阅消息) a user accepted: each one-time acceptance allows one message
-- of that template, so we count what is left per user and template kind.
create table subscriptions (
  user_id    text not null references users (id) on delete cascade,
  kind       text not null check (kind in ('visit_reminder', 'booking_status', 'enrollment_status', 'complaint_status')),
  remaining  integer not null default 0 check (remaining >= 0),
  updated_at timestamptz not null default now(),
  primary key (user_id, kind)
);

-- Messages to send, written in the same transaction as the change they announce, and
-- sent by a background job: a restart loses none and sends none twice.
-- (kind, subject_id, dedupe_key) is unique so a reminder is queued once per booking.
create table notification_outbox (
  id          bigserial primary key,
  user_id     text not null references users (id) on delete cascade,
  kind        text not null check (kind in ('visit_reminder', 'booking_status', 'enrollment_status', 'complaint_status')),
  subject_id  text not null,
  dedupe_key  text not null,
  payload     jsonb not null,
  send_after  timestamptz not null default now(),
  created_at  timestamptz not null default now(),
  sent_at     timestamptz,
  -- skipped: the user has no acceptance left, or WeChat refused for good (e.g. 43101)
  outcome     text check (outcome in ('sent', 'skipped', 'failed')),
  attempts    integer not null default 0,
  last_error  text,
  unique (kind, subject_id, dedupe_key)
);
create index notification_outbox_due_idx on notification_outbox (send_after) where sent_at is null;
