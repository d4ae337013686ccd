import { useState } from "react";
import { useHandOff, useMention, useTagMention } from "../../api/dashboard";
import { useRequiredSession } from "../../api/session";
import type { TopicSummary } from "../../api/topics";
import { absoluteTime } from "../../lib/format";
import { canTriageMentions } from "../../shell/access";
import { Badge, Button, Dialog, Spinner, TextField } from "../../ui";
import { channelLabel, countryLabel, intentLabel, languageLabel } from "../charts/labels";
import { Highlighted } from "./Highlighted";
import { SENTIMENT_TONE } from "./MentionCard";

const TARGETS = { care: "Care", innovate: "Innovate" } as const;

/** The drill-down: one mention in full, its topics and tags, and the hand-offs to Care and Innovate. */
export function MentionDrawer({
  id,
  topics,
  onClose,
}: {
  id: string | null;
  topics: Map<string, TopicSummary>;
  onClose: () => void;
}) {
  const session = useRequiredSession();
  const detail = useMention(id);
  const m = detail.data;
  return (
    <Dialog open={Boolean(id)} onClose={onClose} title="Mention" wide>
      {!m ? (
        <Spinner />
      ) : (
        <div className="mention-detail">
          <p className="muted small">
            {m.author.name ?? m.author.handle ?? "Unknown author"}
            {m.author.handle ? ` (@${m.author.handle.replace(/^@/, "")})` : ""} · {channelLabel(m.channel)} ·{" "}
            {absoluteTime(m.createdAt)}
          </p>
          {m.title ? <h3 className="mention-title">{m.title}</h3> : null}
          <blockquote className="mention-full">
            <Highlighted text={m.text} spans={m.highlights} />
          </blockquote>
          <dl className="mention-facts">
            <div>
              <dt>Sentiment</dt>
              <dd>
                <Badge tone={SENTIMENT_TONE[m.sentimentLabel]}>{m.sentimentLabel}</Badge>{" "}
                <span className="tabular">{m.sentiment?.toFixed(2) ?? ""}</span>
              </dd>
            </div>
            <div>
              <dt>Intent</dt>
              <dd>{m.intent ? intentLabel(m.intent) : "–"}</dd>
            </div>
            <div>
              <dt>Language · country</dt>
              <dd>
                {m.language ? languageLabel(m.language) : "Unknown"} · {countryLabel(m.country ?? "")}
              </dd>
            </div>
            <div>
              <dt>Topics</dt>
              <dd>{m.topicIds.map((t) => topics.get(t)?.name ?? "topic").join(", ") || "–"}</dd>
            </div>
            <div>
              <dt>Engagement</dt>
              <dd className="tabular">
                {m.engagement.likes} likes · {m.engagement.shares} shares · {m.engagement.replies} replies
              </dd>
            </div>
          </dl>
          {m.url ? (
            <p>
              <a href={m.url} target="_blank" rel="noopener noreferrer nofollow">
                Open the original post
              </a>
            </p>
          ) : null}
          {canTriageMentions(session.role) ? (
            <Triage key={m.id} id={m.id} tags={m.tags} handoffs={m.handoffs} />
          ) : null}
        </div>
      )}
    </Dialog>
  );
}

function Triage({
  id,
  tags,
  handoffs,
}: {
  id: string;
  tags: string[];
  handoffs: { target: string; at: string }[];
}) {
  const [draft, setDraft] = useState(tags.join(", "));
  const tag = useTagMention(id);
  const handOff = useHandOff(id);
  const sent = new Set(handoffs.map((h) => h.target));
  return (
    <div className="mention-triage">
      <form
        className="mention-tags"
        onSubmit={(e) => {
          e.preventDefault();
          tag.mutate(
            draft
              .split(",")
              .map((t) => t.trim())
              .filter(Boolean),
          );
        }}
      >
        <TextField
          label="Tags"
          hint="Comma-separated"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <Button type="submit" loading={tag.isPending}>
          Save tags
        </Button>
      </form>
      <fieldset className="mention-handoff">
        <legend className="visually-hidden">Hand off</legend>
        {(Object.keys(TARGETS) as (keyof typeof TARGETS)[]).map((target) =>
          sent.has(target) ? (
            <Badge key={target} tone="success">
              Sent to {TARGETS[target]}
            </Badge>
          ) : (
            <Button
              key={target}
              variant={target === "care" ? "primary" : "secondary"}
              loading={handOff.isPending && handOff.variables === target}
              onClick={() => handOff.mutate(target)}
            >
              {target === "care" ? "Open a case" : "Propose as idea"}
            </Button>
          ),
        )}
        <p className="muted small">
          Hand-offs are recorded now; Care and Innovate pick them up when those modules arrive.
        </p>
      </fieldset>
    </div>
  );
}
