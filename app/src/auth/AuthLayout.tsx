import type { ReactNode } from "react";
import { Wordmark } from "../shell/Sidebar";

/** Centered card for the signed-out pages. */
export function AuthLayout({
  title,
  description,
  children,
  footer,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <div className="auth-page">
      <main id="main" className="auth-main">
        <div className="auth-brand">
          <Wordmark />
        </div>
        <div className="auth-card">
          <h1 className="auth-title">{title}</h1>
          {description ? <p className="auth-description">{description}</p> : null}
          {children}
        </div>
        {footer ? <div className="auth-footer">{footer}</div> : null}
      </main>
    </div>
  );
}
