-- 监管工作台 (issue 9): rectification notices as a two-sided flow, inspections recorded by a
-- regulator, and the district's grade (等级评定) of an institution.

-- A notice names what the law or standard requires (法律依据/整改要求) beside the issue,
-- and who issued it (null for notices from the filing list or the demo data).
alter table rectification_notices add column requirement text not null default '';
alter table rectification_notices add column issued_by text;

-- The institution's report that the rectification is done, and the regulator's verdict on
-- it. A notice's state is derived (src/domain/rectificationFlow.ts): completed_on set →
-- completed; else its latest report decides (none → issued, no verdict → reported,
-- returned → returned). A returned report stays as history; the next report is a new row.
create table rectification_reports (
  id              text primary key,
  notice_id       text not null references rectification_notices (id) on delete cascade,
  description     text not null,
  reported_by     text,
  reported_at     timestamptz not null default now(),
  verdict         text check (verdict in ('accepted', 'returned')),
  verdict_reason  text,
  verdict_by      text,
  verdict_at      timestamptz,
  check ((verdict is null) = (verdict_at is null)),
  check (verdict is distinct from 'returned' or verdict_reason is not null)
);
create index rectification_reports_notice_idx on rectification_reports (notice_id, reported_at);
-- At most one report waits for a verdict per notice (two staff reporting at once: one wins).
create unique index rectification_reports_one_pending on rectification_reports (notice_id) where verdict is null;

-- Report photos use the complaint photo store: an upload is claimed by a complaint or by a
-- rectification report, never both, and counts as claimed once either is set.
alter table attachments add column rectification_report_id text;
alter table attachments drop constraint attachments_check;
alter table attachments add constraint attachments_claim_check
  check (((complaint_id is null) and (rectification_report_id is null)) = (claimed_at is null)
         and (complaint_id is null or rectification_report_id is null));
create index attachments_report_idx on attachments (rectification_report_id) where rectification_report_id is not null;

-- Inspections recorded in the workbench say who recorded them.
alter table inspections add column recorded_by text;

-- The grade scale a district uses for 托育机构等级评定, best first (rank 1). A district
-- without rows does not grade. Keyed by 行政区划代码 without a foreign key so a scale can
-- be set before the district's filing list is imported. The rows below are 演示数据 for
-- two demo districts (渝北区, 大足区); a real district's scale comes from its own
-- published 等级评定 rules (docs/architecture.md, "Oversight").
create table district_grade_scales (
  district_code  text not null,
  grade          text not null check (grade ~ '^[a-z0-9_]{1,20}$'),
  label          text not null,
  rank           integer not null check (rank >= 1),
  -- Where the scale comes from: the district's published rules, or 演示数据.
  source         text not null,
  primary key (district_code, grade),
  unique (district_code, rank)
);
insert into district_grade_scales (district_code, grade, label, rank, source) values
  ('500112', 'level_1', '一级', 1, '演示数据'), ('500112', 'level_2', '二级', 2, '演示数据'), ('500112', 'level_3', '三级', 3, '演示数据'),
  ('500111', 'a', 'A级', 1, '演示数据'), ('500111', 'b', 'B级', 2, '演示数据'), ('500111', 'c', 'C级', 3, '演示数据');

-- The institution's current grade; earlier grades are in the audit log (grade.set).
create table institution_grades (
  institution_id  text primary key references institutions (id) on delete cascade,
  district_code   text not null,
  grade           text not null,
  graded_on       date not null,
  graded_by       text not null,
  authority       text not null,
  foreign key (district_code, grade) references district_grade_scales (district_code, grade)
);

-- A rectification notice's steps reach the other side as a subscribe message of their own.
alter table subscriptions drop constraint subscriptions_kind_check;
alter table subscriptions add constraint subscriptions_kind_check
  check (kind in ('visit_reminder', 'booking_status', 'enrollment_status', 'complaint_status', 'vacancy_alert', 'vacancy_stale', 'rectification_status'));
alter table notification_outbox drop constraint notification_outbox_kind_check;
alter table notification_outbox add constraint notification_outbox_kind_check
  check (kind in ('visit_reminder', 'booking_status', 'enrollment_status', 'complaint_status', 'vacancy_alert', 'vacancy_stale', 'rectification_status'));
