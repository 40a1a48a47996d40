-- Roles by invitation only (issue 9). A membership is one role of one person: a
-- district's regulator (卫健委), an institution's admin, or an institution's staff. It
-- is never deleted: revoking stamps revoked_at, so the audit trail keeps who had what.
create table memberships (
  id              text primary key,
  user_id         text not null references users (id) on delete cascade,
  role            text not null check (role in ('regulator', 'institution_admin', 'institution_staff')),
  institution_id  text references institutions (id) on delete cascade,
  district_code   text references districts (code) on delete cascade,
  invitation_id   text,
  granted_at      timestamptz not null default now(),
  revoked_at      timestamptz,
  revoked_by      text,
  check ((role = 'regulator') = (district_code is not null)),
  check ((role = 'regulator') = (institution_id is null))
);
-- At most one live district role and one live institution role per person: the
-- workbench always knows whose data a request is about.
create unique index memberships_live_regulator_idx on memberships (user_id) where revoked_at is null and role = 'regulator';
create unique index memberships_live_institution_idx on memberships (user_id) where revoked_at is null and role <> 'regulator';
create index memberships_institution_idx on memberships (institution_id) where revoked_at is null;
create index memberships_district_idx on memberships (district_code) where revoked_at is null;

-- Roles granted before invitations existed (demo sign-in) carry over.
insert into memberships (id, user_id, role, institution_id, district_code, granted_at)
select md5(user_id || ':' || role), user_id, role, institution_id, district_code, created_at from staff_memberships;
drop table staff_memberships;

-- One-time invitations, valid 72 hours: only the SHA-256 of the code is kept, so the
-- table read by someone else invites no one. invited_by is null for `npm run admin`.
create table invitations (
  id              text primary key,
  code_hash       text not null unique,
  role            text not null check (role in ('regulator', 'institution_admin', 'institution_staff')),
  institution_id  text references institutions (id) on delete cascade,
  district_code   text not null references districts (code) on delete cascade,
  invited_by      text references users (id) on delete set null,
  note            text,
  created_at      timestamptz not null default now(),
  expires_at      timestamptz not null,
  accepted_by     text references users (id) on delete set null,
  accepted_at     timestamptz,
  cancelled_at    timestamptz,
  check ((role = 'regulator') = (institution_id is null))
);
create index invitations_district_idx on invitations (district_code, created_at desc);
create index invitations_institution_idx on invitations (institution_id, created_at desc);

-- Named demo accounts (演示账号): the demo screen offers them, only in demo mode.
alter table users add column demo_account_key text unique;

-- 扫码登录: a desktop browser shows a short-lived ticket as a QR code; a signed-in phone
-- confirms it, and the browser collects a session of its own with its poll secret.
-- A desktop session is marked device = 'desktop' and lives 8 hours; the phone lists
-- and ends it.
alter table sessions add column id text unique;
alter table sessions add column device text;
create table login_tickets (
  id                  text primary key,
  poll_secret_hash    text not null,
  created_at          timestamptz not null default now(),
  expires_at          timestamptz not null,
  confirmed_by        text references users (id) on delete cascade,
  confirmed_at        timestamptz,
  collected_at        timestamptz
);
