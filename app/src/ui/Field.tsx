import { type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes, useId } from "react";

interface FieldChromeProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
}

/**
 * Shared label/hint/error wiring: the hint and error get ids that the control references
 * through aria-describedby, so screen readers read them with the field.
 */
function useFieldIds(error: ReactNode, hint: ReactNode, explicitId?: string) {
  const generated = useId();
  const id = explicitId ?? generated;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return { id, hintId, errorId, describedBy };
}

function FieldFooter({
  hint,
  error,
  hintId,
  errorId,
}: FieldChromeProps & { hintId?: string; errorId?: string }) {
  return (
    <>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </>
  );
}

export interface TextFieldProps
  extends FieldChromeProps,
    Omit<InputHTMLAttributes<HTMLInputElement>, "size"> {
  ref?: Ref<HTMLInputElement>;
}

export function TextField({ label, hint, error, id: explicitId, className, ...rest }: TextFieldProps) {
  const { id, hintId, errorId, describedBy } = useFieldIds(error, hint, explicitId);
  return (
    <div className={`field ${className ?? ""}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        {...rest}
        id={id}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      <FieldFooter hint={hint} error={error} hintId={hintId} errorId={errorId} label={label} />
    </div>
  );
}

export interface SelectProps extends FieldChromeProps, SelectHTMLAttributes<HTMLSelectElement> {
  ref?: Ref<HTMLSelectElement>;
  /** Hide the label visually (e.g. inside a table row) while keeping it for assistive tech. */
  hideLabel?: boolean;
}

export function Select({
  label,
  hint,
  error,
  id: explicitId,
  className,
  hideLabel,
  children,
  ...rest
}: SelectProps) {
  const { id, hintId, errorId, describedBy } = useFieldIds(error, hint, explicitId);
  return (
    <div className={`field ${className ?? ""}`}>
      <label className={hideLabel ? "visually-hidden" : "field-label"} htmlFor={id}>
        {label}
      </label>
      <div className="select-wrap">
        <select
          {...rest}
          id={id}
          className="input select"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        >
          {children}
        </select>
      </div>
      <FieldFooter hint={hint} error={error} hintId={hintId} errorId={errorId} label={label} />
    </div>
  );
}
