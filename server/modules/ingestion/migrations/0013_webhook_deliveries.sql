-- Recently seen webhook delivery ids (and signatures), so a captured request cannot be replayed
-- against any process within the tolerance window.
create table webhook_deliveries (
  id text primary key,
  received_at timestamptz not null default now()
);
create index webhook_deliveries_time_idx on webhook_deliveries (received_at);
