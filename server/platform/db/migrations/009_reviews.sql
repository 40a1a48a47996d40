-- Parents' reviews (评价) of institutions they visited, and the institution's one reply.

-- One review per parent per institution: posting again updates this row. overall is the
-- whole-number rating it adds to institutions.rating_sum (overallScore in
-- src/domain/review.ts); the service moves rating_sum and rating_count by the difference
-- in the same transaction, so the aggregate always equals the baseline plus these rows.
-- text_status: null without text; 'shown' once WeChat's msgSecCheck passed it; 'held'
-- (hidden from everyone but its author) when WeChat asked for a person's review or
-- could not be asked.
create table reviews (
  id                    text primary key,
  institution_id        text not null references institutions (id) on delete cascade,
  user_id               text not null references users (id) on delete cascade,
  safety                smallint not null check (safety between 1 and 5),
  hygiene               smallint not null check (hygiene between 1 and 5),
  care                  smallint not null check (care between 1 and 5),
  food                  smallint not null check (food between 1 and 5),
  communication         smallint not null check (communication between 1 and 5),
  value                 smallint not null check (value between 1 and 5),
  overall               smallint not null check (overall between 1 and 5),
  text                  text check (char_length(text) <= 500),
  text_status           text check (text_status in ('shown', 'held')),
  created_at            timestamptz not null default now(),
  updated_at            timestamptz not null default now(),
  unique (institution_id, user_id),
  check ((text is null) = (text_status is null))
);
-- The public list: an institution's reviews, newest first.
create index reviews_institution_created_idx on reviews (institution_id, created_at desc, id desc);
create index reviews_user_idx on reviews (user_id);

-- The institution's answer, at most one per review (the primary key makes a second one a
-- conflict, even from two staff members at once). text_status as for reviews: risky text
-- is refused before it gets here; 'held' text is shown to no parent.
create table review_replies (
  review_id    text primary key references reviews (id) on delete cascade,
  user_id      text references users (id) on delete set null,
  text         text not null check (char_length(text) between 1 and 500),
  text_status  text not null check (text_status in ('shown', 'held')),
  created_at   timestamptz not null default now()
);
