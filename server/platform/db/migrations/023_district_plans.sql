-- A district's own plan, against which the regulator reads "the district at a glance"
-- (issue 9): the resident population that places per 1,000 residents divide by, and the
-- plan's targets. The regulator edits them (PUT /staff/district-plan, audited); a
-- figure the district has not published stays null and shows as 未公布 — never a guess.
create table district_plans (
  district_code                 text primary key references districts (code),
  -- 常住人口 (residents), the divisor of places per 1,000 residents.
  population                    integer check (population > 0),
  population_source             text not null default '',
  -- 每千人口托位数 target, e.g. 4.5.
  places_per_thousand_target    numeric(6, 2) check (places_per_thousand_target > 0),
  -- 普惠托位占比 target, a share 0..1 (0.6 = at least 60%).
  affordable_share_target       numeric(4, 3) check (affordable_share_target between 0 and 1),
  -- 持证保育人员占比 target, a share 0..1 (0.9 = more than 90%).
  certified_staff_share_target  numeric(4, 3) check (certified_staff_share_target between 0 and 1),
  -- 投诉按期办结率 target, a share 0..1.
  complaints_in_time_target     numeric(4, 3) check (complaints_in_time_target between 0 and 1),
  -- A figure the district itself reports (e.g. 渝北 3.94 places per 1,000), shown beside the computed one.
  reported_places_per_thousand  numeric(6, 2) check (reported_places_per_thousand > 0),
  targets_source                text not null default '',
  updated_at                    timestamptz not null default now(),
  updated_by                    text references users (id) on delete set null
);
