import { useState } from "react";
import {
  type AlertItem,
  type AlertKind,
  type AlertStatus,
  useAcknowledgeAlert,
  useAlerts,
} from "../../api/alerts";
import { errorMessage } from "../../api/client";
import { useRequiredSession } from "../../api/session";
import { absoluteTime, relativeTime } from "../../lib/format";
import { LoadMore } from "../../settings/shared";
import { canManageListening } from "../../shell/access";
import {
  Alert,
  Badge,
  type BadgeTone,
  Button,
  Card,
  EmptyState,
  PageSpinner,
  Select,
  useToast,
} from "../../ui";
import { AlertSettingsCard } from "./AlertSettingsCard";
import "./alerts.css";

const KIND: Record<AlertKind, { label: string; tone: BadgeTone }> = {
  volume_spike: { label: "Volume spike", tone: "warning" },
  negative_spike: { label: "Negative spike", tone: "danger" },
  keyword: { label: "Crisis term", tone: "accent" },
};

type StatusFilter = AlertStatus | "all";

const figure = (alert: AlertItem, n: number) =>
  alert.kind === "negative_spike"
    ? `${Math.round(n * 100)}%`
    : n >= 10
      ? String(Math.round(n))
      : n.toFixed(1);

function AlertRow({ alert, canAcknowledge }: { alert: AlertItem; canAcknowledge: boolean }) {
  const acknowledge = useAcknowledgeAlert();
  const toast = useToast();
  const kind = KIND[alert.kind];
  const titleId = `alert-${alert.id}-message`;
  return (
    <article className={`alert-row alert-row-${alert.status}`} aria-labelledby={titleId}>
      <div className="alert-row-main">
        <div className="alert-row-meta">
          <Badge tone={kind.tone}>{kind.label}</Badge>
          {alert.term ? <Badge>{alert.term}</Badge> : null}
          <span className="alert-row-topic">{alert.topic.name}</span>
          <time dateTime={alert.createdAt} title={absoluteTime(alert.createdAt)}>
            {relativeTime(alert.createdAt)}
          </time>
        </div>
        <p className="alert-row-message" id={titleId}>
          {alert.message}
        </p>
        <p className="alert-row-figures">
          Observed <strong>{figure(alert, alert.observed)}</strong> · expected {figure(alert, alert.expected)}{" "}
          · score {alert.score.toFixed(1)}
          {alert.delivery.error ? (
            <span className="alert-row-error"> · delivery: {alert.delivery.error}</span>
          ) : null}
        </p>
      </div>
      <div className="alert-row-actions">
        {alert.status === "open" ? (
          canAcknowledge ? (
            <Button
              size="sm"
              loading={acknowledge.isPending}
              onClick={() =>
                acknowledge.mutate(alert.id, {
                  onError: (error) =>
                    toast({
                      tone: "danger",
                      title: "Could not acknowledge",
                      description: errorMessage(error),
                    }),
                })
              }
            >
              Acknowledge
            </Button>
          ) : (
            <Badge tone="warning">Open</Badge>
          )
        ) : (
          <span className="alert-row-acked">
            Acknowledged{alert.acknowledgedBy?.name ? ` by ${alert.acknowledgedBy.name}` : ""}
            {alert.acknowledgedAt ? ` ${relativeTime(alert.acknowledgedAt)}` : ""}
          </span>
        )}
      </div>
    </article>
  );
}

/** Listen › Alerts: the alert history (live), acknowledgement and the delivery settings. */
export function AlertsPage() {
  const session = useRequiredSession();
  const canManage = canManageListening(session.role);
  const [status, setStatus] = useState<StatusFilter>("open");
  const [kind, setKind] = useState<AlertKind | "">("");
  const alerts = useAlerts({
    ...(status === "all" ? {} : { status }),
    ...(kind ? { kind } : {}),
  });

  return (
    <div className="alerts-page">
      <Card
        as="section"
        title="Alerts"
        description="Spikes in volume or negative share against each topic's usual rhythm, and crisis terms."
        actions={
          <div className="alerts-filters">
            <Select label="Status" value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
              <option value="open">Open</option>
              <option value="acknowledged">Acknowledged</option>
              <option value="all">All</option>
            </Select>
            <Select label="Kind" value={kind} onChange={(e) => setKind(e.target.value as AlertKind | "")}>
              <option value="">All kinds</option>
              <option value="volume_spike">Volume spike</option>
              <option value="negative_spike">Negative spike</option>
              <option value="keyword">Crisis term</option>
            </Select>
          </div>
        }
      >
        {alerts.isPending ? (
          <PageSpinner />
        ) : alerts.isError ? (
          <Alert tone="danger" title="Could not load alerts">
            {errorMessage(alerts.error)}
          </Alert>
        ) : alerts.rows.length === 0 ? (
          <EmptyState title={status === "open" ? "No open alerts" : "No alerts"} headingLevel={3}>
            Alerts appear here as soon as a topic spikes; this list updates live.
          </EmptyState>
        ) : (
          <div className="alert-list">
            {alerts.rows.map((alert) => (
              <AlertRow key={alert.id} alert={alert} canAcknowledge={canManage} />
            ))}
            <LoadMore query={alerts} />
          </div>
        )}
      </Card>
      {canManage ? <AlertSettingsCard /> : null}
    </div>
  );
}
