import { type ReactNode, useEffect, useState } from "react";
import { errorMessage } from "../api/client";
import { useRequiredSession } from "../api/session";
import {
  type CreatedSource,
  type Source,
  useDeleteSource,
  useRunSource,
  useSourceKinds,
  useSources,
  useUpdateSource,
} from "../api/sources";
import { absoluteTime, relativeTime } from "../lib/format";
import { LoadMore } from "../settings/shared";
import { canManageListening } from "../shell/access";
import { Alert, Button, Card, type Column, Dialog, EmptyState, PageSpinner, Table, useToast } from "../ui";
import { IconListen, IconPause, IconPencil, IconPlay, IconPlus, IconTrash } from "../ui/icons";
import { kindInfo, shortLabel } from "./kinds";
import { SourceDialog } from "./SourceDialog";
import { SourceStatusBadge } from "./SourceStatus";
import { WebhookSecretDialog } from "./WebhookSecretDialog";

const count = new Intl.NumberFormat();

/** Re-render every so often so relative times ("2 minutes ago") stay true. */
function useTick(ms: number) {
  const [, setTick] = useState(0);
  useEffect(() => {
    const id = window.setInterval(() => setTick((t) => t + 1), ms);
    return () => window.clearInterval(id);
  }, [ms]);
}

function When({ iso, empty }: { iso: string | null; empty: string }) {
  if (!iso) return <span className="muted">{empty}</span>;
  return (
    <time dateTime={iso} title={absoluteTime(iso)}>
      {relativeTime(iso)}
    </time>
  );
}

/** Compact row action: the icon shows, the accessible name says which source it acts on. */
function IconAction({
  label,
  title,
  onClick,
  children,
}: {
  label: string;
  title: string;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button type="button" className="icon-btn" aria-label={label} title={title} onClick={onClick}>
      {children}
    </button>
  );
}

export function SourcesPage() {
  const session = useRequiredSession();
  const canManage = canManageListening(session.role);
  const sources = useSources();
  const kinds = useSourceKinds();
  const update = useUpdateSource();
  const run = useRunSource();
  const remove = useDeleteSource();
  const toast = useToast();
  const [editing, setEditing] = useState<Source | "new" | null>(null);
  const [deleting, setDeleting] = useState<Source | null>(null);
  const [webhook, setWebhook] = useState<{ name: string; url: string; secret: string } | null>(null);
  useTick(30_000);

  const kindList = kinds.data ?? [];
  const kindOf = (kind: string) => kindList.find((k) => k.kind === kind);

  function onCreated(result: CreatedSource) {
    setEditing(null);
    if (result.webhook) setWebhook({ name: result.source.name, ...result.webhook });
    else
      toast({
        tone: "success",
        title: `“${result.source.name}” connected`,
        description: "It starts collecting now.",
      });
  }

  async function act(label: string, fn: () => Promise<unknown>, done: string) {
    try {
      await fn();
      toast({ tone: "success", title: done });
    } catch (error) {
      toast({ tone: "danger", title: label, description: errorMessage(error) });
    }
  }

  async function onDelete() {
    if (!deleting) return;
    const target = deleting;
    try {
      await remove.mutateAsync(target.id);
      setDeleting(null);
      toast({ tone: "success", title: `“${target.name}” removed` });
    } catch (error) {
      toast({ tone: "danger", title: "Source not removed", description: errorMessage(error) });
    }
  }

  const columns: Column<Source>[] = [
    {
      key: "name",
      header: "Source",
      cell: (s) => {
        const kind = kindOf(s.kind);
        return (
          <div className="source-name">
            <span className="kind-icon kind-icon-sm" aria-hidden="true">
              {kindInfo(s.kind).icon(16)}
            </span>
            <div>
              <p className="cell-strong">{s.name}</p>
              <p className="muted small">{kind ? shortLabel(kind.label) : s.kind}</p>
            </div>
          </div>
        );
      },
    },
    { key: "status", header: "Status", cell: (s) => <SourceStatusBadge status={s.status} /> },
    {
      key: "posts",
      header: "Posts ingested",
      align: "end",
      cell: (s) => (
        <span className="tabular" data-testid="posts-ingested">
          {count.format(s.postsIngested)}
        </span>
      ),
    },
    { key: "success", header: "Last success", cell: (s) => <When iso={s.lastSuccessAt} empty="Not yet" /> },
    {
      key: "next",
      header: "Next run",
      cell: (s) =>
        kindOf(s.kind)?.passive ? (
          <span className="muted">On delivery</span>
        ) : !s.enabled ? (
          <span className="muted">Paused</span>
        ) : s.nextRunAt && new Date(s.nextRunAt).getTime() <= Date.now() ? (
          <span title={absoluteTime(s.nextRunAt)}>Due now</span>
        ) : (
          <When iso={s.nextRunAt} empty="Continuous" />
        ),
    },
  ];
  if (canManage) {
    columns.push({
      key: "actions",
      header: <span className="visually-hidden">Actions</span>,
      label: "",
      align: "end",
      cell: (s) => (
        <div className="row-actions">
          {kindOf(s.kind)?.passive || !s.enabled ? null : (
            <Button
              size="sm"
              variant="ghost"
              icon={<IconPlay size={14} />}
              aria-label={`Run ${s.name} now`}
              onClick={() =>
                void act("Couldn't start the run", () => run.mutateAsync(s.id), `Running “${s.name}”`)
              }
            >
              Run now
            </Button>
          )}
          <IconAction
            label={`${s.enabled ? "Pause" : "Resume"} ${s.name}`}
            title={s.enabled ? "Pause" : "Resume"}
            onClick={() =>
              void act(
                s.enabled ? "Couldn't pause" : "Couldn't resume",
                () => update.mutateAsync({ id: s.id, body: { enabled: !s.enabled } }),
                `“${s.name}” ${s.enabled ? "paused" : "resumed"}`,
              )
            }
          >
            {s.enabled ? <IconPause size={16} /> : <IconPlay size={16} />}
          </IconAction>
          <IconAction label={`Edit ${s.name}`} title="Edit" onClick={() => setEditing(s)}>
            <IconPencil size={16} />
          </IconAction>
          <IconAction label={`Delete ${s.name}`} title="Delete" onClick={() => setDeleting(s)}>
            <IconTrash size={16} />
          </IconAction>
        </div>
      ),
    });
  }

  const connect = canManage ? (
    <Button
      variant="primary"
      icon={<IconPlus size={16} />}
      onClick={() => setEditing("new")}
      disabled={!kinds.data}
    >
      Connect a source
    </Button>
  ) : null;

  return (
    <div className="stack">
      <Card
        as="section"
        padded={false}
        title="Sources"
        description={
          canManage
            ? "Feeds, social networks and webhooks that bring posts into Chorus. Counts update live."
            : "Feeds, social networks and webhooks that bring posts into Chorus. Analysts and admins manage them."
        }
        actions={sources.rows.length > 0 ? connect : null}
      >
        {sources.isPending ? (
          <PageSpinner />
        ) : sources.isError ? (
          <div className="card-inset">
            <Alert tone="danger">{errorMessage(sources.error)}</Alert>
          </div>
        ) : sources.rows.length === 0 ? (
          <EmptyState
            icon={<IconListen size={24} />}
            title="No sources yet"
            headingLevel={3}
            action={connect}
          >
            <p>
              A source is where posts come from: a news feed, a Mastodon hashtag, Bluesky keywords, a
              subreddit, or your own systems pushing to a webhook. Chorus collects from each source on its own
              and keeps counting.
            </p>
            {canManage ? (
              <p>New here? Connect the demo market to see a realistic stream about Halcyon Outdoor.</p>
            ) : (
              <p>Ask an analyst or admin to connect one.</p>
            )}
          </EmptyState>
        ) : (
          <>
            <Table
              caption="Sources"
              columns={columns}
              rows={sources.rows}
              rowKey={(s) => s.id}
              rowDetail={(s) =>
                s.status === "error" && s.lastError ? (
                  <div className="source-error" role="note">
                    <strong>Last error</strong>
                    {s.lastErrorAt ? (
                      <>
                        {" "}
                        <When iso={s.lastErrorAt} empty="" />
                      </>
                    ) : null}
                    : <span className="source-error-text">{s.lastError}</span>
                  </div>
                ) : null
              }
            />
            <LoadMore query={sources} />
          </>
        )}
      </Card>

      {canManage ? (
        <SourceDialog
          open={editing !== null}
          source={editing === "new" ? null : editing}
          kinds={kindList}
          onClose={() => setEditing(null)}
          onCreated={onCreated}
        />
      ) : null}
      <WebhookSecretDialog webhook={webhook} onClose={() => setWebhook(null)} />
      <Dialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        title={`Delete “${deleting?.name ?? ""}”?`}
        description="Chorus stops collecting from this source. Posts it already collected stay. This can't be undone."
        footer={
          <>
            <Button variant="ghost" onClick={() => setDeleting(null)}>
              Cancel
            </Button>
            <Button variant="danger" loading={remove.isPending} onClick={() => void onDelete()}>
              Delete source
            </Button>
          </>
        }
      />
    </div>
  );
}
