-- The regulator's 体验券 report pages newest batch first by (created_at, id)
-- (GET /api/v1/regulator/voucher-batches, keyset paging): an index in that order lets each
-- page start where the last one ended instead of sorting the district's batches again.
create index voucher_batches_district_created_idx on voucher_batches (district_code, created_at desc, id desc);
