-- 生命1000天: the dated tables of content/schedules/ (the immunisation schedule with the
-- names of the documents it follows), compiled with the articles by
-- server/features/content/library/compileContent.ts in the same transaction.
create table content_tables (
  id    text primary key,
  body  jsonb not null
);
