-- 体验券 (src/domain/voucher.ts). claimed counts the vouchers taken from a batch; the claim
-- guard is one statement (update … where claimed < total), so claims never exceed total.
create table voucher_batches (
  id             text primary key,
  district_code  text not null references districts (code),
  title          text not null,
  total          integer not null check (total > 0),
  claimed        integer not null default 0 check (claimed >= 0 and claimed <= total),
  valid_from     date not null,
  valid_until    date not null check (valid_until >= valid_from),
  created_by     text references users (id) on delete set null,
  created_at     timestamptz not null default now()
);
create index voucher_batches_district_idx on voucher_batches (district_code, valid_until);

create table voucher_batch_institutions (
  batch_id        text not null references voucher_batches (id) on delete cascade,
  institution_id  text not null references institutions (id) on delete cascade,
  primary key (batch_id, institution_id)
);

create table vouchers (
  id           text primary key,
  batch_id     text not null references voucher_batches (id) on delete cascade,
  code         text not null unique,
  user_id      text not null references users (id) on delete cascade,
  child_id     text references children (id) on delete set null,
  child_nickname text not null,
  status       text not null check (status in ('claimed', 'booked', 'redeemed')),
  booking_id   text references bookings (id) on delete set null,
  claimed_at   timestamptz not null default now(),
  redeemed_at  timestamptz,
  redeemed_by  text references users (id) on delete set null,
  -- one voucher per child per batch
  unique (batch_id, child_id),
  check ((status = 'redeemed') = (redeemed_at is not null))
);
create index vouchers_user_idx on vouchers (user_id, claimed_at desc);
