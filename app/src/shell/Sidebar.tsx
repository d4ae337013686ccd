import { useEffect, useId, useState } from "react";
import { NavLink, useLocation } from "react-router-dom";
import { useRequiredSession } from "../api/session";
import { LiveIndicator } from "../live/LiveProvider";
import { IconMenu, IconSettings, IconX } from "../ui/icons";
import { visibleModules, visibleSettings } from "./access";
import { MODULES } from "./modules";
import { OrgSwitcher } from "./OrgSwitcher";
import { UserMenu } from "./UserMenu";

export function Wordmark() {
  return (
    <span className="wordmark">
      <svg viewBox="0 0 32 32" width="24" height="24" aria-hidden="true">
        <rect width="32" height="32" rx="8" fill="var(--color-accent)" />
        <path d="M9 12v8M14 9v14M19 12v8M24 14v4" stroke="#fff" strokeWidth="2.5" strokeLinecap="round" />
      </svg>
      <span>Chorus</span>
    </span>
  );
}

/**
 * Left sidebar on wide screens; under 800px it collapses to a top bar whose menu button
 * discloses the same content (CSS decides which is visible, state decides if it's open).
 */
export function Sidebar() {
  const session = useRequiredSession();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const modules = visibleModules(session.role);
  const settings = visibleSettings(session.role);

  // Close the mobile menu after navigating so the new page is visible.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on route change on purpose
  useEffect(() => setOpen(false), [location.pathname]);

  return (
    <aside className={`sidebar ${open ? "sidebar-open" : ""}`} aria-label="Sidebar">
      <div className="sidebar-top">
        <Wordmark />
        <LiveIndicator />
        <button
          type="button"
          className="icon-btn sidebar-toggle"
          aria-expanded={open}
          aria-controls={panelId}
          aria-label={open ? "Close menu" : "Open menu"}
          onClick={() => setOpen((v) => !v)}
        >
          {open ? <IconX /> : <IconMenu />}
        </button>
      </div>
      <div className="sidebar-panel" id={panelId}>
        <OrgSwitcher />
        {modules.length > 0 ? (
          <nav aria-label="Modules" className="nav">
            <ul>
              {modules.map((id) => {
                const m = MODULES[id];
                const Icon = m.icon;
                return (
                  <li key={id}>
                    <NavLink to={m.path} className="nav-link">
                      <Icon className="nav-icon" />
                      <span className="nav-text">
                        <span className="nav-label">{m.label}</span>
                        <span className="nav-purpose">{m.purpose}</span>
                      </span>
                    </NavLink>
                  </li>
                );
              })}
            </ul>
          </nav>
        ) : null}
        <div className="sidebar-bottom">
          {settings.length > 0 ? (
            <nav aria-label="Account">
              <NavLink to="/settings" className="nav-link nav-link-compact">
                <IconSettings className="nav-icon" />
                <span className="nav-label">Settings</span>
              </NavLink>
            </nav>
          ) : null}
          <UserMenu />
        </div>
      </div>
    </aside>
  );
}
