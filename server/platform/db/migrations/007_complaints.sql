-- 投诉马上查: complaints about a listed institution or an unlisted one (name, address and
-- district: reports of unfiled institutions are how regulators find them). The
-- complainant (user_id, contact_phone) is read only by their own views, never by staff
-- or public ones. phone_last4 is the lookup proof for the tracking number.
create table complaints (
  id                          text primary key,
  tracking_no                 text not null unique,
  user_id                     text not null references users (id) on delete cascade,
  institution_id              text references institutions (id) on delete set null,
  institution_name            text not null,
  institution_address         text,
  listed                      boolean not null,
  -- The district whose regulators handle it: the institution's, or the one named for an unlisted one.
  district_code               text not null references districts (code),
  category                    text not null check (category in ('safety', 'abuse', 'food', 'hygiene', 'fees', 'staff', 'unfiled', 'other')),
  urgent                      boolean not null,
  description                 text not null,
  occurred_at                 timestamptz not null,
  anonymous                   boolean not null,
  contact_phone               text not null,
  phone_last4                 text not null check (phone_last4 ~ '^[0-9]{4}$'),
  status                      text not null default 'submitted'
                              check (status in ('submitted', 'accepted', 'investigating', 'resolved', 'rejected', 'reexamination_requested')),
  accept_by                   timestamptz not null,
  due_by                      timestamptz not null,
  resolved_at                 timestamptz,
  feedback_satisfied          boolean,
  feedback_comment            text,
  feedback_at                 timestamptz,
  reexamination_requested_at  timestamptz,
  created_at                  timestamptz not null default now(),
  updated_at                  timestamptz not null default now()
);
create index complaints_user_idx on complaints (user_id, created_at desc);
create index complaints_district_queue_idx on complaints (district_code, status);
create index complaints_institution_idx on complaints (institution_id, status);

-- Every status change, in order: the timeline the complainant sees. actor_user_id is
-- for the audit trail and never leaves the server.
create table complaint_events (
  id             bigserial primary key,
  complaint_id   text not null references complaints (id) on delete cascade,
  status         text not null,
  note           text,
  actor_user_id  text references users (id) on delete set null,
  at             timestamptz not null default now()
);
create index complaint_events_complaint_idx on complaint_events (complaint_id, id);

-- Who did what, when: every staff action (accept, investigate, resolve, reject, rectification).
create table audit_log (
  id             bigserial primary key,
  actor_user_id  text not null,
  action         text not null,
  subject_kind   text not null,
  subject_id     text not null,
  detail         jsonb not null default '{}'::jsonb,
  at             timestamptz not null default now()
);
create index audit_log_subject_idx on audit_log (subject_kind, subject_id, id);

-- Anonymous lookups per tracking number in fixed windows (马上查 is rate-limited per
-- number as well as per IP, so a number cannot be brute-forced from many addresses).
create table complaint_lookup_windows (
  tracking_no   text not null,
  window_start  timestamptz not null,
  attempts      integer not null,
  primary key (tracking_no, window_start)
);

-- A rectification notice may come from a complaint.
alter table rectification_notices add column complaint_id text references complaints (id) on delete set null;
