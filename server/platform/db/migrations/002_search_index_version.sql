-- The version of the searchable institution data. Every process serving search keeps
-- an in-memory read model of it (server/search/) and rebuilds that when this number
-- changes. The writer that inserts or updates institutions or districts sets a new
-- value in the same transaction. The value comes from a sequence, so it never repeats,
-- not even after the row is deleted or the table truncated.
create sequence search_index_version_seq;

create table search_index_version (
  only_row boolean primary key default true check (only_row),
  version  bigint not null
);

insert into search_index_version (only_row, version) values (true, nextval('search_index_version_seq'));
