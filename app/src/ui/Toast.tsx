import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from "react";
import { IconAlert, IconCheck, IconInfo, IconX } from "./icons";

export type AlertTone = "info" | "success" | "warning" | "danger";

const toneIcon = { info: IconInfo, success: IconCheck, warning: IconAlert, danger: IconAlert };

/**
 * Inline alert. Errors use role="alert" (assertive) because they block the user's task;
 * everything else is a polite status.
 */
export function Alert({
  tone = "info",
  title,
  children,
  action,
}: {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
}) {
  const Icon = toneIcon[tone];
  return (
    <div className={`alert alert-${tone}`} role={tone === "danger" ? "alert" : "status"}>
      <Icon className="alert-icon" />
      <div className="alert-content">
        {title ? <p className="alert-title">{title}</p> : null}
        {children ? <div className="alert-text">{children}</div> : null}
      </div>
      {action ? <div className="alert-action">{action}</div> : null}
    </div>
  );
}

interface ToastItem {
  id: number;
  tone: AlertTone;
  title: string;
  description?: string;
}

type ToastFn = (toast: Omit<ToastItem, "id">) => void;

const ToastContext = createContext<ToastFn>(() => {});

export function useToast(): ToastFn {
  return useContext(ToastContext);
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setItems((list) => list.filter((t) => t.id !== id)), []);

  const push = useCallback<ToastFn>(
    (toast) => {
      const id = nextId.current++;
      setItems((list) => [...list.slice(-3), { ...toast, id }]);
      // Errors stay longer: people need time to read what went wrong.
      window.setTimeout(() => dismiss(id), toast.tone === "danger" ? 9000 : 5000);
    },
    [dismiss],
  );

  const value = useMemo(() => push, [push]);

  return (
    <ToastContext.Provider value={value}>
      {children}
      {/* The live region is always mounted so screen readers pick up additions. */}
      <section className="toast-region" aria-live="polite" aria-label="Notifications">
        {items.map((t) => {
          const Icon = toneIcon[t.tone];
          return (
            <div key={t.id} className={`toast toast-${t.tone}`}>
              <Icon className="alert-icon" />
              <div className="alert-content">
                <p className="alert-title">{t.title}</p>
                {t.description ? <p className="alert-text">{t.description}</p> : null}
              </div>
              <button
                type="button"
                className="icon-btn"
                aria-label="Dismiss notification"
                onClick={() => dismiss(t.id)}
              >
                <IconX />
              </button>
            </div>
          );
        })}
      </section>
    </ToastContext.Provider>
  );
}
