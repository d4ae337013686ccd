import { useId, useState } from "react";
import { Button } from "../ui";
import { IconCheck, IconCopy } from "../ui/icons";
import { copyText } from "./clipboard";

/** Read-only value with a Copy button; used for invite links and token secrets. */
export function CopyField({ label, value, hint }: { label: string; value: string; hint?: string }) {
  const id = useId();
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");

  async function onCopy() {
    setCopied((await copyText(value)) ? "copied" : "failed");
    window.setTimeout(() => setCopied("idle"), 2500);
  }

  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="copy-field">
        <input
          id={id}
          className="input mono"
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          aria-describedby={hint ? `${id}-hint` : undefined}
        />
        <Button
          onClick={onCopy}
          icon={copied === "copied" ? <IconCheck size={16} /> : <IconCopy size={16} />}
        >
          {copied === "copied" ? "Copied" : "Copy"}
        </Button>
      </div>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <span className="visually-hidden" aria-live="polite">
        {copied === "copied"
          ? "Copied to clipboard"
          : copied === "failed"
            ? "Copy failed; select the text and copy it"
            : ""}
      </span>
    </div>
  );
}
