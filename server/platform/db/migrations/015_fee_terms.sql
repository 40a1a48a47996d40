-- 收费与退费约定 per institution (src/domain/feeTerms.ts): what is charged besides tuition,
-- how many months are collected ahead, notice and refund on withdrawal. One row per
-- institution, written by its staff (PUT /api/v1/staff/fee-terms) or the filing import.
create table institution_fee_terms (
  institution_id        text primary key references institutions (id) on delete cascade,
  meals_fen_per_month   integer not null check (meals_fen_per_month >= 0),
  registration_fen      integer not null check (registration_fen >= 0),
  deposit_fen           integer not null check (deposit_fen >= 0),
  prepay_months         integer not null check (prepay_months between 0 and 24),
  notice_days           integer not null check (notice_days between 0 and 180),
  refund_on_withdrawal  text not null check (char_length(refund_on_withdrawal) between 1 and 300),
  updated_at            timestamptz not null default now(),
  -- who last changed them: a staff user, or null for the filing import
  updated_by            text references users (id) on delete set null
);
