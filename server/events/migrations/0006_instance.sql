-- One row naming this database. Event ids restart at 1 in every database, so the id alone cannot
-- key JetStream's de-duplication across installations or after a reset: the relay prefixes it.
create table instance (
  id uuid primary key default gen_random_uuid(),
  singleton boolean not null default true unique check (singleton),
  created_at timestamptz not null default now()
);
insert into instance default values;
