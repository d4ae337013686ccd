import { isOutsideRole, ROLE_INFO, type Role } from "../../../shared/roles";
import { Badge, Button } from "../ui";

export function RoleBadge({ role }: { role: Role }) {
  const info = ROLE_INFO[role];
  return (
    <Badge
      tone={role === "owner" || role === "admin" ? "accent" : isOutsideRole(role) ? "warning" : "neutral"}
      title={info.description}
    >
      {info.label}
    </Badge>
  );
}

/** "Load more" footer for cursor-paginated tables. */
export function LoadMore({
  query,
}: {
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
}) {
  if (!query.hasNextPage) return null;
  return (
    <div className="load-more">
      <Button loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
        Load more
      </Button>
    </div>
  );
}
