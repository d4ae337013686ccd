import type { Mention } from "../../api/dashboard";
import type { TopicSummary } from "../../api/topics";
import { absoluteTime, relativeTime } from "../../lib/format";
import { Badge, type BadgeTone } from "../../ui";
import { channelLabel, intentLabel, languageLabel } from "../charts/labels";
import { Highlighted } from "./Highlighted";

export const SENTIMENT_TONE: Record<string, BadgeTone> = {
  positive: "success",
  negative: "danger",
  neutral: "neutral",
};
const fmt = new Intl.NumberFormat(undefined, { notation: "compact" });

/** One mention in the stream: who, where, when, how it feels, and the matched words marked. */
export function MentionCard({
  mention,
  topics,
  onOpen,
}: {
  mention: Mention;
  topics: Map<string, TopicSummary>;
  onOpen: (id: string) => void;
}) {
  const m = mention;
  return (
    <article className="mention card" aria-label={`Mention by ${m.author.handle ?? "unknown"}`}>
      <header className="mention-head">
        <span className="mention-author">{m.author.name ?? m.author.handle ?? "Unknown author"}</span>
        {m.author.handle ? <span className="muted small">@{m.author.handle.replace(/^@/, "")}</span> : null}
        <span className="muted small">· {fmt.format(m.author.followers)} followers</span>
        <span className="mention-meta small muted">
          {channelLabel(m.channel)} ·{" "}
          <time dateTime={m.createdAt} title={absoluteTime(m.createdAt)}>
            {relativeTime(m.createdAt)}
          </time>
        </span>
      </header>
      {m.title ? <h3 className="mention-title">{m.title}</h3> : null}
      <p className="mention-text">
        <Highlighted text={m.text} spans={m.highlights} />
      </p>
      <footer className="mention-foot">
        <Badge tone={SENTIMENT_TONE[m.sentimentLabel]}>{m.sentimentLabel}</Badge>
        {m.intent ? <Badge>{intentLabel(m.intent)}</Badge> : null}
        {m.language ? <Badge tone="info">{languageLabel(m.language)}</Badge> : null}
        {m.topicIds.map((id) => (
          <Badge key={id} tone="accent">
            {topics.get(id)?.name ?? "topic"}
          </Badge>
        ))}
        {m.tags.map((t) => (
          <Badge key={t} tone="warning">
            #{t}
          </Badge>
        ))}
        <span className="mention-engagement small muted tabular">
          ♥ {fmt.format(m.engagement.likes)} · ↻ {fmt.format(m.engagement.shares)} · 💬{" "}
          {fmt.format(m.engagement.replies)}
        </span>
        <button type="button" className="btn btn-ghost btn-sm mention-open" onClick={() => onOpen(m.id)}>
          Details<span className="visually-hidden"> of the mention by {m.author.handle ?? "unknown"}</span>
        </button>
      </footer>
    </article>
  );
}
