-- Districts the product covers. code is the 行政区划代码 (e.g. 500112 渝北区).
create table districts (
  code        text primary key,
  name        text not null unique,
  province    text not null,
  city        text not null,
  center_lat  double precision not null,
  center_lng  double precision not null
);

-- Filed (备案) childcare institutions. Coordinates are GCJ-02.
create table institutions (
  id                  text primary key,
  name                text not null,
  kind                text not null check (kind in ('childcare_center', 'kindergarten_class', 'employer', 'community', 'family')),
  district_code       text not null references districts (code),
  street              text not null,
  address             text not null,
  lat                 double precision not null check (lat between -90 and 90),
  lng                 double precision not null check (lng between -180 and 180),
  affordable          boolean not null,
  demonstration_level text check (demonstration_level in ('national', 'provincial', 'municipal', 'district')),
  filing_number       text not null unique,
  filed_on            date not null,
  filing_authority    text not null,
  filing_status       text not null check (filing_status in ('filed', 'suspended', 'revoked')),
  min_age_months      integer not null check (min_age_months between 0 and 36),
  max_age_months      integer not null check (max_age_months between 0 and 36),
  capacity            integer not null check (capacity >= 0),
  enrolled            integer not null check (enrolled >= 0),
  hours_days          text not null,
  opens_at            text not null,
  closes_at           text not null,
  contact_phone       text not null,
  description         text not null default '',
  photos              jsonb not null default '[]'::jsonb,
  -- name, address and street, with full pinyin and pinyin initials, lower-cased
  search_text         text not null,
  rating_sum          integer not null default 0 check (rating_sum >= 0),
  rating_count        integer not null default 0 check (rating_count >= 0),
  is_demo             boolean not null default false,
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now(),
  check (min_age_months <= max_age_months),
  check (enrolled <= capacity)
);
-- The nearby search narrows by a bounding box on these before computing distance.
create index institutions_lat_lng_idx on institutions (lat, lng);
create index institutions_district_idx on institutions (district_code);

create table institution_care_modes (
  institution_id text not null references institutions (id) on delete cascade,
  mode           text not null check (mode in ('full_day', 'half_day', 'hourly', 'temporary')),
  fee_fen        integer not null check (fee_fen >= 0),
  unit           text not null check (unit in ('per_month', 'per_hour', 'per_day')),
  primary key (institution_id, mode)
);
create index institution_care_modes_mode_fee_idx on institution_care_modes (mode, fee_fen);

-- 乳儿班 infant, 托小班 toddler, 托大班 preschool
create table institution_classes (
  institution_id text not null references institutions (id) on delete cascade,
  class_type     text not null check (class_type in ('infant', 'toddler', 'preschool')),
  class_count    integer not null check (class_count >= 0),
  capacity       integer not null check (capacity >= 0),
  enrolled       integer not null check (enrolled >= 0 and enrolled <= capacity),
  primary key (institution_id, class_type)
);

create table inspections (
  id             text primary key,
  institution_id text not null references institutions (id) on delete cascade,
  inspected_on   date not null,
  authority      text not null,
  result         text not null check (result in ('passed', 'rectification_required', 'failed')),
  summary        text not null
);
create index inspections_institution_idx on inspections (institution_id, inspected_on desc);

create table rectification_notices (
  id             text primary key,
  institution_id text not null references institutions (id) on delete cascade,
  issued_on      date not null,
  due_on         date not null,
  authority      text not null,
  issue          text not null,
  completed_on   date,
  check (due_on >= issued_on)
);
create index rectification_notices_institution_idx on rectification_notices (institution_id, issued_on desc);
