import { useEffect, useMemo, useState } from "react";
import { csvUrl, useMentions } from "../../api/dashboard";
import { useRequiredSession } from "../../api/session";
import { useTopicSummaries } from "../../api/topics";
import { canExportMentions } from "../../shell/access";
import { Button, EmptyState, Select, Spinner, TextField } from "../../ui";
import { FilterBar } from "../charts/FilterBar";
import { useListenFilters } from "../charts/filters";
import { MentionCard } from "./MentionCard";
import { MentionDrawer } from "./MentionDrawer";
import "../dashboard/dashboard.css";
import "./mentions.css";

/** Listen → Mentions: the stream and search, with the dashboard's filters, live. */
export function MentionsPage() {
  const session = useRequiredSession();
  const { filters, params, setFilter } = useListenFilters();
  const topics = useTopicSummaries();
  const names = useMemo(() => new Map((topics.data ?? []).map((t) => [t.id, t])), [topics.data]);
  const q = params.get("q") ?? "";
  const sort = params.get("sort") ?? "recent";
  const tag = params.get("tag") ?? "";
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);
  const list = useMentions({ ...filters, q, sort, tag });
  const open = params.get("mention");

  return (
    <div className="mentions-page">
      <form
        className="mention-search"
        aria-label="Search mentions"
        onSubmit={(e) => {
          e.preventDefault();
          setFilter("q", draft.trim());
        }}
      >
        <TextField
          label="Search mentions"
          hint={'Words, "a phrase", -exclude, OR for either'}
          value={draft}
          maxLength={500}
          onChange={(e) => setDraft(e.target.value)}
        />
        <Button type="submit" variant="primary">
          Search
        </Button>
        <Select
          label="Sort"
          value={sort}
          onChange={(e) => setFilter("sort", e.target.value === "recent" ? undefined : e.target.value)}
        >
          <option value="recent">Newest first</option>
          <option value="reach">Highest reach</option>
        </Select>
        {canExportMentions(session.role) ? (
          <a
            className="btn btn-secondary"
            href={csvUrl("/api/mentions/export.csv", { ...filters, q, sort, tag })}
            download
          >
            Export CSV
          </a>
        ) : null}
      </form>
      <FilterBar topics={topics.data ?? []} />
      {tag ? (
        <p className="small">
          Tagged <strong>#{tag}</strong>{" "}
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => setFilter("tag", undefined)}>
            Clear tag
          </button>
        </p>
      ) : null}
      {list.isPending ? (
        <Spinner />
      ) : list.rows.length === 0 ? (
        <div className="card">
          <EmptyState title="No mentions match">
            <p>Try a longer period, fewer filters or other words.</p>
          </EmptyState>
        </div>
      ) : (
        <div className="mention-list" aria-live="polite">
          {list.rows.map((m) => (
            <MentionCard key={m.id} mention={m} topics={names} onOpen={(id) => setFilter("mention", id)} />
          ))}
          {list.hasNextPage ? (
            <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              Load more
            </Button>
          ) : null}
        </div>
      )}
      <MentionDrawer id={open} topics={names} onClose={() => setFilter("mention", undefined)} />
    </div>
  );
}
