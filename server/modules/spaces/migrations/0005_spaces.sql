-- Collaboration spaces (E2C, C2E, C2C). Only the model and access checks exist so far: outside
-- members (customer, supplier, partner, specialist) see a space only through space_members.
create table spaces (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 120),
  description text not null default '',
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now()
);
create index spaces_org_idx on spaces (organisation_id, created_at desc, id desc);

create table space_members (
  space_id uuid not null references spaces (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  added_at timestamptz not null default now(),
  primary key (space_id, user_id)
);
create index space_members_user_idx on space_members (user_id);
