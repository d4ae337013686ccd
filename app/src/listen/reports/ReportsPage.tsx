import { useEffect, useState } from "react";
import { errorMessage } from "../../api/client";
import { useDigestSettings, useDigests, useSaveDigestSettings, useSendDigest } from "../../api/digests";
import { useRequiredSession } from "../../api/session";
import { relativeTime } from "../../lib/format";
import { canManageListening } from "../../shell/access";
import { Button, Card, EmptyState, PageSpinner, Select, TextField, useToast } from "../../ui";
import { DigestView } from "./DigestView";
import "./reports.css";

/** Listen → Reports: the scheduled digest (settings, send now) and every digest sent. */
export function ReportsPage() {
  const session = useRequiredSession();
  const digests = useDigests();
  const [selected, setSelected] = useState<string | null>(null);
  if (digests.isPending) return <PageSpinner />;
  const list = digests.data ?? [];
  const shown = list.find((d) => d.id === selected) ?? list[0];
  return (
    <div className="reports">
      {canManageListening(session.role) ? <DigestSettingsCard /> : null}
      <Card
        as="section"
        title="Digests"
        description="Top changes, alerts and share of voice, as they were mailed."
      >
        {list.length === 0 || !shown ? (
          <EmptyState title="No digest yet">
            <p>Schedule one above or send one now.</p>
          </EmptyState>
        ) : (
          <div className="reports-layout">
            <nav aria-label="Digest history" className="digest-history">
              {list.map((d) => (
                <button
                  key={d.id}
                  type="button"
                  className={`digest-link${d.id === shown.id ? " active" : ""}`}
                  aria-current={d.id === shown.id ? "true" : undefined}
                  onClick={() => setSelected(d.id)}
                >
                  <span>{d.period === "daily" ? "Daily" : "Weekly"}</span>
                  <span className="muted small">{relativeTime(d.createdAt)}</span>
                </button>
              ))}
            </nav>
            <DigestView digest={shown} />
          </div>
        )}
      </Card>
    </div>
  );
}

function DigestSettingsCard() {
  const settings = useDigestSettings();
  const save = useSaveDigestSettings();
  const send = useSendDigest();
  const toast = useToast();
  const [frequency, setFrequency] = useState<"off" | "daily" | "weekly">("off");
  const [recipients, setRecipients] = useState("");
  useEffect(() => {
    if (!settings.data) return;
    setFrequency(settings.data.frequency);
    setRecipients(settings.data.recipients.join(", "));
  }, [settings.data]);
  const emails = recipients.split(/[,\s]+/).filter(Boolean);
  return (
    <Card
      as="section"
      title="Scheduled digest"
      description="Mailed at 07:00 UTC: daily, or on Mondays for weekly."
    >
      <form
        className="digest-settings"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(
            { frequency, recipients: emails },
            {
              onSuccess: () => toast({ tone: "success", title: "Digest schedule saved" }),
              onError: (error) =>
                toast({ tone: "danger", title: "Not saved", description: errorMessage(error) }),
            },
          );
        }}
      >
        <Select
          label="Frequency"
          value={frequency}
          onChange={(e) => setFrequency(e.target.value as typeof frequency)}
        >
          <option value="off">Off</option>
          <option value="daily">Daily</option>
          <option value="weekly">Weekly</option>
        </Select>
        <TextField
          label="Recipients"
          hint="Email addresses, comma-separated. Empty: owners and admins."
          value={recipients}
          onChange={(e) => setRecipients(e.target.value)}
        />
        <Button type="submit" variant="primary" loading={save.isPending}>
          Save schedule
        </Button>
        <Button
          loading={send.isPending}
          onClick={() =>
            send.mutate(frequency === "weekly" ? "weekly" : "daily", {
              onSuccess: () => toast({ tone: "success", title: "Digest sent" }),
              onError: (error) =>
                toast({ tone: "danger", title: "Not sent", description: errorMessage(error) }),
            })
          }
        >
          Send a digest now
        </Button>
      </form>
    </Card>
  );
}
