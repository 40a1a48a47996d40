-- Issue 9, 机构工作台: 计时托 (hourly) and 临时托 (temporary) care sessions are slot kinds,
-- booked through the same capacity guard (slots.booked, slotPlaces.ts) as the others.
alter table slots drop constraint slots_kind_check;
alter table slots add constraint slots_kind_check check (kind in ('open_day', 'visit', 'trial', 'lecture', 'hourly', 'temporary'));
