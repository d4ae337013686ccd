import type { ReactNode } from "react";
import { csvUrl, type ListenFilters } from "../../api/dashboard";

/** A dashboard panel: title, what it shows, the chart, and its data as CSV. */
export function ChartCard({
  title,
  description,
  csv,
  wide,
  children,
}: {
  title: string;
  description?: string;
  csv?: [string, ListenFilters];
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <section className={`card card-padded chart-card${wide ? " chart-card-wide" : ""}`} aria-label={title}>
      <div className="chart-card-header">
        <div>
          <h2 className="card-title">{title}</h2>
          {description ? <p className="card-description">{description}</p> : null}
        </div>
        {csv ? (
          <a className="btn btn-ghost btn-sm" href={csvUrl(csv[0], { ...csv[1] })} download>
            CSV<span className="visually-hidden"> of {title.toLowerCase()}</span>
          </a>
        ) : null}
      </div>
      {children}
    </section>
  );
}
