-- Photos a complainant uploads (POST /api/v1/uploads) before filing, then claims for one
-- complaint. The file itself lives in private storage (a local folder or an S3-compatible
-- bucket) under storage_key; only its re-encoded copy is kept, never the original bytes
-- with their EXIF/GPS. complaint_id has no foreign key: uploads are stored before the
-- complaint exists, and the retention job (not a cascade) decides when files go, because
-- the file must be deleted from storage, which a cascade cannot do.
create table attachments (
  id            text primary key,
  user_id       text not null references users (id) on delete cascade,
  complaint_id  text,
  storage_key   text not null unique,
  content_type  text not null check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
  byte_size     integer not null check (byte_size > 0),
  width         integer not null check (width > 0),
  height        integer not null check (height > 0),
  created_at    timestamptz not null default now(),
  claimed_at    timestamptz,
  check ((complaint_id is null) = (claimed_at is null))
);
create index attachments_complaint_idx on attachments (complaint_id) where complaint_id is not null;
-- The retention job looks for the oldest files first.
create index attachments_created_idx on attachments (created_at);
