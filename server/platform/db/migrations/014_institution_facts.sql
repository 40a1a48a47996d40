-- Facts an institution keeps true itself (issue 9, 机构工作台): when it last confirmed its
-- vacancies, and its staff numbers with how many hold a 保育师/育婴员 certificate.
-- Parents see each fact's age; vacancies unconfirmed for 14 days show as unconfirmed.
alter table institutions add column vacancies_confirmed_at timestamptz;
alter table institutions add column staff_count integer check (staff_count >= 0);
alter table institutions add column certified_staff_count integer check (certified_staff_count >= 0);
alter table institutions add column staffing_updated_at timestamptz;
alter table institutions add constraint institutions_certified_within_staff check (certified_staff_count <= staff_count);

-- Why staff declined a booking: the parent reads it on the booking and in the notice.
alter table bookings add column decline_reason text;
