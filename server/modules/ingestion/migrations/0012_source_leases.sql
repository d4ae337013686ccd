-- One process runs a source at a time, cluster-wide: it claims the row (FOR UPDATE SKIP LOCKED)
-- and holds a lease it renews while running; a dead process's lease simply expires.
alter table sources add column lease_owner text;
alter table sources add column lease_until timestamptz;
alter table sources add column consecutive_failures integer not null default 0;
