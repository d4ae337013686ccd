-- Progress time: an import whose process died stops moving, and a sweep marks it failed.
alter table imports add column updated_at timestamptz not null default now();
