import type { HTMLAttributes, ReactNode } from "react";

export interface CardProps extends Omit<HTMLAttributes<HTMLElement>, "title"> {
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  /** Render as a <section> with a heading so it becomes a navigable region. */
  as?: "div" | "section";
  padded?: boolean;
}

export function Card({
  title,
  description,
  actions,
  as = "div",
  padded = true,
  className,
  children,
  ...rest
}: CardProps) {
  const Tag = as;
  return (
    <Tag {...rest} className={`card ${padded ? "card-padded" : ""} ${className ?? ""}`}>
      {title || actions ? (
        <div className="card-header">
          <div>
            {title ? <h2 className="card-title">{title}</h2> : null}
            {description ? <p className="card-description">{description}</p> : null}
          </div>
          {actions ? <div className="card-actions">{actions}</div> : null}
        </div>
      ) : null}
      {children}
    </Tag>
  );
}
