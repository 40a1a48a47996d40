-- 生命1000天: the content library (content/ in the repository), compiled into these tables
-- at server start by server/content/compileContent.ts, all in one transaction and only
-- when the library's hash differs from the one stored here. Every server process then
-- reads the same content from the database.

-- Articles. Exactly one of the week or month ranges is set: pregnancy stages use weeks
-- (0 = 备孕), stages after birth use months of age; both ends inclusive.
create table content_articles (
  id                   text primary key,
  stage                text not null check (stage in ('preconception_early', 'mid_pregnancy', 'late_pregnancy',
                                                      'infant_0_6', 'infant_6_12', 'toddler_1_2', 'toddler_2_3')),
  topic                text not null,
  title                text not null,
  summary              text not null,
  pregnancy_week_from  integer,
  pregnancy_week_to    integer,
  age_month_from       integer,
  age_month_to         integer,
  -- the Markdown body pre-parsed into headings, paragraphs and lists (src/domain/content.ts)
  blocks               jsonb not null,
  sources              jsonb not null,
  reviewed             text not null,
  -- library order: stage, then the file's path; the browser lists articles in it
  position             integer not null,
  -- title and summary with their pinyin and initials, then the body, normalised (searchText.ts)
  search_text          text not null,
  check ((pregnancy_week_from is null) = (pregnancy_week_to is null)),
  check ((age_month_from is null) = (age_month_to is null)),
  check ((pregnancy_week_from is null) <> (age_month_from is null))
);
create index content_articles_stage_topic_idx on content_articles (stage, topic, position);
create index content_articles_position_idx on content_articles (position);

-- Daily tips, one or more per week: pregnancy weeks 4–42 and age weeks 0–156.
create table content_tips (
  id              integer primary key,
  stage           text not null,
  pregnancy_week  integer,
  age_week        integer,
  text            text not null,
  source          text not null,
  check ((pregnancy_week is null) <> (age_week is null))
);
create index content_tips_pregnancy_week_idx on content_tips (pregnancy_week) where pregnancy_week is not null;
create index content_tips_age_week_idx on content_tips (age_week) where age_week is not null;

-- Which library the tables hold: compiling is skipped while the hash is unchanged, so a
-- restart costs one hash of the files, not a rewrite.
create table content_library_state (
  only_row       boolean primary key default true check (only_row),
  content_hash   text not null,
  article_count  integer not null,
  tip_count      integer not null,
  compiled_at    timestamptz not null default now()
);

-- Lecture hosts (讲座/家长课堂) that are not childcare: maternal and child health centres
-- (maternal_child_health 妇幼保健院, community_health 社区卫生服务中心). Their lectures are
-- ordinary `lecture` slots, so they are booked with POST /bookings by the same guard; a slot
-- belongs to a row of institutions, so the centres are rows there too — with the filing
-- status not_childcare, which every childcare listing (search, its index, district figures)
-- already leaves out, since those show only filing_status = 'filed'.
alter table institutions drop constraint institutions_kind_check;
alter table institutions add constraint institutions_kind_check
  check (kind in ('childcare_center', 'kindergarten_class', 'employer', 'community', 'family',
                  'maternal_child_health', 'community_health'));
alter table institutions drop constraint institutions_filing_status_check;
alter table institutions add constraint institutions_filing_status_check
  check (filing_status in ('filed', 'suspended', 'revoked', 'not_childcare'));
-- a health centre is never a filed childcare institution, and a childcare one never a health centre
alter table institutions add constraint institutions_health_centre_not_childcare_check
  check ((kind in ('maternal_child_health', 'community_health')) = (filing_status = 'not_childcare'));

-- GET /lectures reads upcoming open lectures by start time.
create index slots_lecture_starts_idx on slots (starts_at) where kind = 'lecture' and status = 'open';
