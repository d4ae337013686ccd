-- System events (a batch of mentions stored, a backfill's progress) drive live updates and
-- processors but are not people's actions: the audit log shows only rows with audit = true.
alter table events add column audit boolean not null default true;
create index events_org_audit_idx on events (organisation_id, id desc) where audit;
