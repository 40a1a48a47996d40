-- Request counts of the rate limits (server/platform/http/rateLimit.ts), shared by every
-- server process on this database so that copies behind a load balancer count together.
-- The key is a SHA-256 of the client address and the limit's name: no addresses stored.
create table rate_limit_windows (
  key_hash        text primary key,
  hits            integer not null,
  window_ends_at  timestamptz not null
);
create index rate_limit_windows_ends_idx on rate_limit_windows (window_ends_at);
