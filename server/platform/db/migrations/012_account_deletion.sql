-- 注销账号 (PIPL art. 47): a complaint outlives its complainant's account — the
-- regulator's duty to handle it does not end — so it keeps no link to the deleted user
-- and no contact number (server/features/accounts/accountDeletion.ts).
alter table complaints alter column user_id drop not null;
alter table complaints drop constraint complaints_user_id_fkey;
alter table complaints add constraint complaints_user_id_fkey foreign key (user_id) references users (id) on delete set null;
alter table complaints alter column contact_phone drop not null;
