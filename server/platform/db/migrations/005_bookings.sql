-- 入托网上约: bookable slots, bookings of a place in them, enrollment applications with a
-- waitlist, and the Idempotency-Key record that makes a retried POST /bookings safe.

-- Times an institution publishes: open_day 托育开放日, visit 预约参观, trial 试托, lecture 家长课堂.
-- booked counts the place-holding bookings (pending, confirmed, attended, no_show); it only
-- ever changes through the one-statement guards in slotPlaces.ts, and the check makes an
-- overbooking impossible even if some code forgot to use them.
create table slots (
  id                     text primary key,
  institution_id         text not null references institutions (id) on delete cascade,
  kind                   text not null check (kind in ('open_day', 'visit', 'trial', 'lecture')),
  title                  text not null,
  starts_at              timestamptz not null,
  ends_at                timestamptz not null,
  capacity               integer not null check (capacity between 1 and 500),
  booked                 integer not null default 0,
  status                 text not null default 'open' check (status in ('open', 'cancelled')),
  requires_confirmation  boolean not null default false,
  created_at             timestamptz not null default now(),
  updated_at             timestamptz not null default now(),
  check (booked between 0 and capacity),
  check (ends_at > starts_at)
);
create index slots_institution_starts_idx on slots (institution_id, starts_at);
-- The reminder scheduler looks for open slots starting soon.
create index slots_starts_status_idx on slots (starts_at, status);

-- child_id becomes null when the parent deletes the child (PIPL art. 47); the row stays,
-- with a neutral child_nickname, because the institution must keep its visit records.
create table bookings (
  id              text primary key,
  slot_id         text not null references slots (id) on delete cascade,
  user_id         text not null references users (id) on delete cascade,
  child_id        text references children (id) on delete set null,
  child_nickname  text not null,
  status          text not null check (status in ('pending', 'confirmed', 'cancelled', 'declined', 'attended', 'no_show')),
  -- short human code shown on arrival, e.g. "K7M2QX"
  code            text not null unique,
  contact_name    text not null,
  contact_phone   text not null,
  note            text,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now()
);
-- One active booking per slot and child: a double tap or a second device cannot take two places.
create unique index bookings_one_active_per_child_idx on bookings (slot_id, child_id)
  where status in ('pending', 'confirmed') and child_id is not null;
create index bookings_slot_status_idx on bookings (slot_id, status);
create index bookings_user_idx on bookings (user_id, status);

-- Idempotency-Key (IETF draft), scoped per user: the first answer to a key is stored with
-- the hash of its request, and a retry gets that answer again. The primary key serialises
-- two concurrent requests with one key: the second waits for the first to commit.
create table idempotency_keys (
  user_id       text not null references users (id) on delete cascade,
  key           text not null,
  request_hash  text not null,
  status_code   integer,
  response      jsonb,
  created_at    timestamptz not null default now(),
  primary key (user_id, key)
);

-- 入托申请. start_month is "YYYY-MM". child_id is nulled like bookings' on child deletion.
create table enrollments (
  id              text primary key,
  institution_id  text not null references institutions (id) on delete cascade,
  user_id         text not null references users (id) on delete cascade,
  child_id        text references children (id) on delete set null,
  child_nickname  text not null,
  care_mode       text not null check (care_mode in ('full_day', 'half_day', 'hourly', 'temporary')),
  start_month     text not null check (start_month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  contact_phone   text not null,
  status          text not null check (status in ('submitted', 'waitlisted', 'admitted', 'declined', 'withdrawn')),
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now()
);
-- One open application per child per institution.
create unique index enrollments_one_open_per_child_idx on enrollments (institution_id, child_id)
  where status in ('submitted', 'waitlisted') and child_id is not null;
-- The waitlist, in line order.
create index enrollments_waitlist_idx on enrollments (institution_id, status, created_at, id);
create index enrollments_user_idx on enrollments (user_id);
