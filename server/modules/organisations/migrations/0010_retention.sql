-- How long mentions are kept; null keeps them for ever.
alter table organisations add column retention_days integer
  check (retention_days is null or retention_days between 1 and 3650);
