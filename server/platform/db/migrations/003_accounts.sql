-- People who sign in. A WeChat user is known by the openid code2Session returns; a demo
-- user (DEMO_LOGIN=1) has none. WeChat's session_key is kept only here, never sent out.
create table users (
  id                  text primary key,
  wechat_openid       text unique,
  wechat_session_key  text,
  nickname            text,
  created_at          timestamptz not null default now()
);

-- Our own opaque session tokens; only their SHA-256 is stored, so a leaked table signs no one in.
create table sessions (
  token_hash  text primary key,
  user_id     text not null references users (id) on delete cascade,
  created_at  timestamptz not null default now(),
  expires_at  timestamptz not null,
  revoked_at  timestamptz
);
create index sessions_user_idx on sessions (user_id);

-- Who works where. institution_staff: one institution; regulator: one district.
create table staff_memberships (
  user_id         text not null references users (id) on delete cascade,
  role            text not null check (role in ('institution_staff', 'regulator')),
  institution_id  text references institutions (id) on delete cascade,
  district_code   text references districts (code) on delete cascade,
  created_at      timestamptz not null default now(),
  check ((role = 'institution_staff') = (institution_id is not null)),
  check ((role = 'regulator') = (district_code is not null)),
  unique (user_id, role)
);

-- Consents with the version of the text agreed to (PIPL art. 29 separate consent, art. 31 guardians).
create table consents (
  user_id   text not null references users (id) on delete cascade,
  kind      text not null check (kind in ('privacy_guide', 'child_data')),
  version   text not null,
  given_at  timestamptz not null default now(),
  primary key (user_id, kind, version)
);

-- Children: the least PIPL lets us need — a nickname and a birth or due date.
create table children (
  id          text primary key,
  user_id     text not null references users (id) on delete cascade,
  nickname    text not null,
  birth_date  date,
  due_date    date,
  created_at  timestamptz not null default now(),
  check ((birth_date is null) <> (due_date is null))
);
create index children_user_idx on children (user_id);
