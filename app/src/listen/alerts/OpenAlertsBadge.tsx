import { useOpenAlertCount } from "../../api/alerts";
import { Badge } from "../../ui";

/** The number of open alerts, for the navigation; nothing when there are none. */
export function OpenAlertsBadge() {
  const { data: open } = useOpenAlertCount();
  if (!open) return null;
  return (
    <Badge tone="danger" title={`${open} open ${open === 1 ? "alert" : "alerts"}`}>
      <span aria-hidden="true">{open > 99 ? "99+" : open}</span>
      <span className="visually-hidden">{`${open} open ${open === 1 ? "alert" : "alerts"}`}</span>
    </Badge>
  );
}
