import type { Digest } from "../../api/digests";
import { absoluteTime } from "../../lib/format";
import { Badge } from "../../ui";

const fmt = new Intl.NumberFormat();
const signed = (n: number | null) => (n === null ? "new" : `${n > 0 ? "+" : ""}${n} %`);

/** One digest as it was sent: totals, top changes, alerts, share of voice. */
export function DigestView({ digest }: { digest: Digest }) {
  const d = digest.content;
  return (
    <article className="digest" aria-label={`${digest.period} digest`}>
      <p className="muted small">
        {absoluteTime(d.from)} – {absoluteTime(d.to)} · sent to {digest.recipients.length || "nobody"}
        {digest.recipients.length === 1 ? " person" : digest.recipients.length ? " people" : ""}
      </p>
      <p className="digest-total">
        <strong className="tabular">{fmt.format(d.total)}</strong> mentions{" "}
        <Badge tone={d.change !== null && d.change < 0 ? "neutral" : "accent"}>{signed(d.change)}</Badge>
      </p>
      <div className="digest-grid">
        <section>
          <h3 className="section-title">Top changes</h3>
          <table className="table digest-table">
            <thead>
              <tr>
                <th scope="col">Topic</th>
                <th scope="col">Mentions</th>
                <th scope="col">Change</th>
                <th scope="col">Negative</th>
              </tr>
            </thead>
            <tbody>
              {d.topics.slice(0, 8).map((t) => (
                <tr key={t.topicId}>
                  <td>{t.name}</td>
                  <td className="tabular">{fmt.format(t.volume)}</td>
                  <td className="tabular">{signed(t.change)}</td>
                  <td className="tabular">{t.negativeShare} %</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section>
          <h3 className="section-title">Share of voice</h3>
          {d.shareOfVoice.length === 0 ? (
            <p className="muted small">No brand or competitor topics.</p>
          ) : (
            <ul className="sov-bars">
              {d.shareOfVoice.map((s) => (
                <li key={s.name}>
                  <span>{s.name}</span>
                  <span className="sov-track" aria-hidden="true">
                    <span className="sov-fill" style={{ inlineSize: `${s.share}%` }} />
                  </span>
                  <span className="tabular">{s.share} %</span>
                </li>
              ))}
            </ul>
          )}
          <h3 className="section-title">Alerts</h3>
          {d.alerts.length === 0 ? (
            <p className="muted small">None in this period.</p>
          ) : (
            <ul className="digest-alerts">
              {d.alerts.map((a) => (
                <li key={`${a.at}${a.message}`}>
                  <span className="muted small">{absoluteTime(a.at)}</span> {a.message}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </article>
  );
}
