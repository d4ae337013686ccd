import { Link } from "react-router-dom";
import { csvUrl, type ListenFilters, type Ranked, useTopItems } from "../../api/dashboard";
import { drillHref } from "../charts/filters";

const fmt = new Intl.NumberFormat();

/** Top hashtags, terms, emoji and authors; each entry opens the mentions that contain it. */
export function TopLists({ filters }: { filters: ListenFilters }) {
  const top = useTopItems(filters).data;
  const search = (q: string) =>
    `${drillHref(filters, {})}${drillHref(filters, {}).includes("?") ? "&" : "?"}q=${encodeURIComponent(q)}`;
  const lists: { title: string; rows: (Ranked & { sub?: string })[]; href: (r: Ranked) => string }[] = [
    { title: "Top hashtags", rows: top?.hashtags ?? [], href: (r) => search(r.value.replace(/^#/, "")) },
    { title: "Top terms", rows: top?.terms ?? [], href: (r) => search(r.value) },
    { title: "Top emoji", rows: top?.emoji ?? [], href: () => drillHref(filters, {}) },
    {
      title: "Top authors",
      rows: (top?.authors ?? []).map((a) => ({
        ...a,
        sub: `${a.channel} · ${fmt.format(a.followers)} followers`,
      })),
      href: (r) => search(r.value),
    },
  ];
  return (
    <section className="top-lists" aria-label="Top lists">
      {lists.map((list) => (
        <div key={list.title} className="card card-padded">
          <div className="chart-card-header">
            <h2 className="card-title">{list.title}</h2>
            <a
              className="btn btn-ghost btn-sm"
              href={csvUrl("/api/dashboard/top.csv", { ...filters })}
              download
            >
              CSV<span className="visually-hidden"> of {list.title.toLowerCase()}</span>
            </a>
          </div>
          {list.rows.length === 0 ? (
            <p className="muted small">Nothing in this period.</p>
          ) : (
            <ol className="top-list">
              {list.rows.map((r) => {
                const max = list.rows[0]?.count || 1;
                return (
                  <li key={r.value}>
                    <Link to={list.href(r)} className="top-link">
                      <span className="top-value break">{r.value}</span>
                      {r.sub ? <span className="top-sub">{r.sub}</span> : null}
                    </Link>
                    <span
                      className="top-bar"
                      aria-hidden="true"
                      style={{ inlineSize: `${(r.count / max) * 100}%` }}
                    />
                    <span className="top-count tabular">{fmt.format(r.count)}</span>
                  </li>
                );
              })}
            </ol>
          )}
        </div>
      ))}
      {top ? (
        <p className="muted small top-note">
          Counted over the newest {fmt.format(top.sample)} matching mentions.
        </p>
      ) : null}
    </section>
  );
}
