import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";

export interface MenuItem {
  id: string;
  label: ReactNode;
  /** Accessible name when label is rich content. */
  text?: string;
  onSelect: () => void;
  checked?: boolean;
  icon?: ReactNode;
  separatorBefore?: boolean;
}

/**
 * Menu button (WAI-ARIA menu pattern): Enter/Space/ArrowDown open and focus the first item,
 * arrows move, Esc or Tab close, and focus goes back to the button.
 */
export function Menu({
  label,
  trigger,
  triggerClassName,
  items,
  header,
  placement = "below",
}: {
  label: string;
  trigger: ReactNode;
  triggerClassName?: string;
  items: MenuItem[];
  header?: ReactNode;
  placement?: "below" | "above";
}) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open]);

  useEffect(() => {
    if (open) menuRef.current?.querySelector<HTMLElement>('[role^="menuitem"]')?.focus();
  }, [open]);

  function select(item: MenuItem) {
    close();
    item.onSelect();
  }

  function close(returnFocus = true) {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const nodes = Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? []);
    const index = nodes.indexOf(document.activeElement as HTMLElement);
    const focus = (i: number) => nodes[(i + nodes.length) % nodes.length]?.focus();
    if (event.key === "ArrowDown") focus(index + 1);
    else if (event.key === "ArrowUp") focus(index - 1);
    else if (event.key === "Home") focus(0);
    else if (event.key === "End") focus(nodes.length - 1);
    else if (event.key === "Escape") close();
    else if (event.key === "Tab") {
      setOpen(false);
      return;
    } else return;
    event.preventDefault();
  }

  return (
    <div className="menu-root">
      <button
        ref={buttonRef}
        type="button"
        className={triggerClassName}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={label}
        onClick={() => setOpen((v) => !v)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {trigger}
      </button>
      {open ? (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label={label}
          className={`menu menu-${placement}`}
          onKeyDown={onMenuKeyDown}
        >
          {header ? (
            <div className="menu-header" role="presentation">
              {header}
            </div>
          ) : null}
          {items.map((item) => (
            <div key={item.id} role="none">
              {item.separatorBefore ? <hr className="menu-separator" /> : null}
              {item.checked === undefined ? (
                <button
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  className="menu-item"
                  aria-label={item.text}
                  onClick={() => select(item)}
                >
                  <MenuItemContent item={item} />
                </button>
              ) : (
                <button
                  type="button"
                  role="menuitemradio"
                  aria-checked={item.checked}
                  tabIndex={-1}
                  className="menu-item"
                  aria-label={item.text}
                  onClick={() => select(item)}
                >
                  <MenuItemContent item={item} />
                </button>
              )}
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}

function MenuItemContent({ item }: { item: MenuItem }) {
  return (
    <>
      {item.icon ? <span className="menu-item-icon">{item.icon}</span> : null}
      <span className="menu-item-label">{item.label}</span>
    </>
  );
}
