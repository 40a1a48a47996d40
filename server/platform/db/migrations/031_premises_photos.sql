-- Photos of the premises (环境照片, issue 9): kept by the institution's staff, public to parents.
-- The files live in the attachment store under premises/…; institutions.photos keeps their
-- public URLs in display order (what the detail page has always read), rewritten with the rows.
alter table institutions add column photos_updated_at timestamptz;

create table institution_photos (
  id             text primary key,
  institution_id text not null references institutions (id) on delete cascade,
  storage_key    text not null unique,
  content_type   text not null check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
  byte_size      integer not null check (byte_size > 0),
  width          integer not null,
  height         integer not null,
  position       integer not null,
  uploaded_by    text references users (id) on delete set null,
  created_at     timestamptz not null default now()
);
create index institution_photos_institution_idx on institution_photos (institution_id, position);
