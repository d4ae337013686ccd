import { useId, useState } from "react";
import { errorMessage } from "../../api/client";
import { useRequiredSession } from "../../api/session";
import { type Backfill, type Topic, type TopicKind, useDeleteTopic, useTopics } from "../../api/topics";
import { absoluteTime, relativeTime } from "../../lib/format";
import { LoadMore } from "../../settings/shared";
import { canManageListening } from "../../shell/access";
import { Alert, Badge, Button, Card, Dialog, EmptyState, PageSpinner, ProgressBar, useToast } from "../../ui";
import { IconListen, IconPencil, IconPlus, IconTrash } from "../../ui/icons";
import { QueryText } from "./QueryEditor";
import { KIND_LABELS, KINDS, TopicDialog } from "./TopicDialog";
import "./topics.css";

const count = new Intl.NumberFormat("en");

function BackfillState({ topic, backfill }: { topic: Topic; backfill: Backfill | null }) {
  if (!backfill) return null;
  if (backfill.status === "queued" || backfill.status === "running") {
    const total = Math.max(backfill.total, backfill.processed);
    return (
      <div className="topic-backfill">
        <ProgressBar
          label={`Matching “${topic.name}” against stored mentions`}
          value={backfill.status === "queued" ? undefined : backfill.processed}
          max={total || 1}
          valueText={`${count.format(backfill.processed)} of ${count.format(total)} mentions, ${count.format(backfill.matched)} matched`}
          detail={
            backfill.status === "queued"
              ? "Queued"
              : `${count.format(backfill.processed)} / ${count.format(total)} · ${count.format(backfill.matched)} matched`
          }
        />
      </div>
    );
  }
  if (backfill.status === "failed") {
    return (
      <p className="topic-backfill-note topic-backfill-failed">
        Matching stored mentions failed{backfill.error ? `: ${backfill.error}` : ""}
      </p>
    );
  }
  if (backfill.status === "done") {
    // `matched` counts matches the backfill recorded; ones the live stream found first are not in it.
    return (
      <p className="topic-backfill-note muted small">
        Up to date · the backfill added {count.format(backfill.matched)}{" "}
        {backfill.matched === 1 ? "match" : "matches"} from {count.format(backfill.processed)} stored mentions
      </p>
    );
  }
  return null;
}

function TopicRow({
  topic,
  canManage,
  onEdit,
  onDelete,
}: {
  topic: Topic;
  canManage: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const nameId = useId();
  return (
    <li className="topic-row">
      <div className="topic-row-main">
        <div className="topic-row-head">
          <h4 className="topic-name" id={nameId}>
            {topic.name}
          </h4>
          <span className="muted small">
            Updated{" "}
            <time dateTime={topic.updatedAt} title={absoluteTime(topic.updatedAt)}>
              {relativeTime(topic.updatedAt)}
            </time>
          </span>
        </div>
        <div className="topic-query" title={topic.query}>
          <QueryText query={topic.query} />
        </div>
        <BackfillState topic={topic} backfill={topic.backfill} />
      </div>
      {canManage ? (
        <div className="topic-row-actions">
          <Button
            size="sm"
            variant="ghost"
            icon={<IconPencil size={14} />}
            aria-describedby={nameId}
            onClick={onEdit}
          >
            Edit
          </Button>
          <Button
            size="sm"
            variant="ghost"
            icon={<IconTrash size={14} />}
            aria-describedby={nameId}
            onClick={onDelete}
          >
            Delete
          </Button>
        </div>
      ) : null}
    </li>
  );
}

/** Listen › Topics: the organisation's topics grouped by kind, with live backfill progress. */
export function TopicsPage() {
  const session = useRequiredSession();
  const canManage = canManageListening(session.role);
  const topics = useTopics();
  const remove = useDeleteTopic();
  const toast = useToast();
  const [editing, setEditing] = useState<Topic | "new" | null>(null);
  const [deleting, setDeleting] = useState<Topic | null>(null);

  const groups = KINDS.map((kind) => ({ kind, rows: topics.rows.filter((t) => t.kind === kind) })).filter(
    (g) => g.rows.length > 0,
  );

  function onSaved(topic: Topic, created: boolean) {
    setEditing(null);
    toast({
      tone: "success",
      title: created ? `“${topic.name}” created` : `“${topic.name}” saved`,
      description:
        topic.backfill?.status === "queued" ? "Matching it against stored mentions now." : undefined,
    });
  }

  async function onDelete() {
    if (!deleting) return;
    const target = deleting;
    try {
      await remove.mutateAsync(target.id);
      setDeleting(null);
      toast({ tone: "success", title: `“${target.name}” deleted` });
    } catch (error) {
      toast({ tone: "danger", title: "Topic not deleted", description: errorMessage(error) });
    }
  }

  const newTopic = canManage ? (
    <Button variant="primary" icon={<IconPlus size={16} />} onClick={() => setEditing("new")}>
      New topic
    </Button>
  ) : null;

  return (
    <div className="stack">
      <Card
        as="section"
        title="Topics"
        description={
          canManage
            ? "Brands, products, competitors and campaigns to follow, each a Boolean query over every mention."
            : "Brands, products, competitors and campaigns Chorus follows. Analysts and admins manage them."
        }
        actions={topics.rows.length > 0 ? newTopic : null}
      >
        {topics.isPending ? (
          <PageSpinner />
        ) : topics.isError ? (
          <Alert tone="danger">{errorMessage(topics.error)}</Alert>
        ) : topics.rows.length === 0 ? (
          <EmptyState
            icon={<IconListen size={24} />}
            title="No topics yet"
            headingLevel={3}
            action={newTopic}
          >
            <p>
              A topic says what to listen for: your brand and its misspellings, a product line, a competitor,
              a campaign hashtag. Write it as a query like <code>(halcyon OR #halcyon) NOT jobs</code> and
              preview it against stored mentions before saving.
            </p>
            {canManage ? null : <p>Ask an analyst or admin to create one.</p>}
          </EmptyState>
        ) : (
          <div className="topic-groups">
            {groups.map((group) => (
              <TopicGroup
                key={group.kind}
                kind={group.kind}
                rows={group.rows}
                canManage={canManage}
                onEdit={setEditing}
                onDelete={setDeleting}
              />
            ))}
            <LoadMore query={topics} />
          </div>
        )}
      </Card>

      {canManage ? (
        <TopicDialog
          open={editing !== null}
          topic={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={onSaved}
        />
      ) : null}
      <Dialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        title={`Delete “${deleting?.name ?? ""}”?`}
        description="Its matches and figures are removed with it; the mentions themselves stay. This can't be undone."
        footer={
          <>
            <Button variant="ghost" onClick={() => setDeleting(null)}>
              Cancel
            </Button>
            <Button variant="danger" loading={remove.isPending} onClick={() => void onDelete()}>
              Delete topic
            </Button>
          </>
        }
      />
    </div>
  );
}

function TopicGroup({
  kind,
  rows,
  canManage,
  onEdit,
  onDelete,
}: {
  kind: TopicKind;
  rows: Topic[];
  canManage: boolean;
  onEdit: (topic: Topic) => void;
  onDelete: (topic: Topic) => void;
}) {
  const headingId = useId();
  return (
    <section className="topic-group" aria-labelledby={headingId}>
      <h3 className="topic-group-title" id={headingId}>
        {KIND_LABELS[kind].many} <Badge>{rows.length}</Badge>
      </h3>
      <ul className="topic-list">
        {rows.map((topic) => (
          <TopicRow
            key={topic.id}
            topic={topic}
            canManage={canManage}
            onEdit={() => onEdit(topic)}
            onDelete={() => onDelete(topic)}
          />
        ))}
      </ul>
    </section>
  );
}
