import { Fragment, type ReactNode } from "react";

export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Used as the inline label when the table stacks into cards on narrow screens. */
  label?: string;
  align?: "start" | "end";
  width?: string;
}

/**
 * A semantic table that turns into stacked rows under 640px (CSS, see components.css);
 * each cell carries data-label so the stacked layout can still show column names.
 */
export function Table<T>({
  caption,
  columns,
  rows,
  rowKey,
  rowClassName,
  rowDetail,
  className,
}: {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  rowClassName?: (row: T) => string | undefined;
  /** Optional full-width line under a row (e.g. an error message); null for none. */
  rowDetail?: (row: T) => ReactNode;
  /** "table-top" aligns cells to the top, for rows that expand (e.g. JSON details). */
  className?: string;
}) {
  return (
    <div className="table-wrap">
      <table className={`table ${className ?? ""}`}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                style={{ width: c.width, textAlign: c.align === "end" ? "end" : undefined }}
              >
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const detail = rowDetail?.(row);
            return (
              <Fragment key={rowKey(row)}>
                <tr
                  className={[rowClassName?.(row), detail ? "row-has-detail" : ""].filter(Boolean).join(" ")}
                >
                  {columns.map((c) => (
                    <td
                      key={c.key}
                      data-label={c.label ?? (typeof c.header === "string" ? c.header : "")}
                      className={c.align === "end" ? "cell-end" : undefined}
                    >
                      {c.cell(row)}
                    </td>
                  ))}
                </tr>
                {detail ? (
                  <tr className="row-detail">
                    <td colSpan={columns.length} data-label="">
                      {detail}
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
