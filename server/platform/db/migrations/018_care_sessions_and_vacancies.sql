-- Issue 9, 机构工作台: 计时托 (hourly) and 临时托 (temporary) care sessions are slot kinds,
-- booked through the same capacity guard (slots.booked, slotPlaces.ts) as the others.
alter table slots drop constraint slots_kind_check;
alter table slots add constraint slots_kind_check check (kind in ('open_day', 'visit', 'trial', 'lecture', 'hourly', 'temporary'));

-- Vacancies per care mode and age band (乳儿班 infant, 托小班 toddler, 托大班 preschool),
-- each confirmed by staff at a time. institutions.enrolled stays capacity − their sum, so
-- the total (search, the saved-search alerts' vacancy_watch) derives from them.
create table institution_vacancies (
  institution_id text not null references institutions (id) on delete cascade,
  care_mode      text not null check (care_mode in ('full_day', 'half_day', 'hourly', 'temporary')),
  age_band       text not null check (age_band in ('infant', 'toddler', 'preschool')),
  vacancies      integer not null check (vacancies >= 0),
  confirmed_at   timestamptz not null,
  primary key (institution_id, care_mode, age_band)
);
