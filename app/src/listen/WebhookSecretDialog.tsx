import { useState } from "react";
import { CopyField } from "../lib/CopyField";
import { copyText } from "../lib/clipboard";
import { Alert, Button, Dialog } from "../ui";
import { IconCheck, IconCopy } from "../ui/icons";

/** The exact payload keys the webhook normaliser reads (server/…/webhook/normalise.ts). */
const SAMPLE_BODY = '{"id":"1","text":"Hello","author":"someone","createdAt":"2026-01-01T00:00:00Z"}';

export function curlExample(url: string, secret: string): string {
  return [
    `SECRET='${secret}'`,
    `BODY='${SAMPLE_BODY}'`,
    "TS=$(date +%s)",
    `SIG=$(printf '%s.%s' "$TS" "$BODY" | openssl dgst -sha256 -hmac "$SECRET" -hex | sed 's/^.* //')`,
    `curl -X POST '${url}' \\`,
    "  -H 'Content-Type: application/json' \\",
    '  -H "X-Chorus-Timestamp: $TS" \\',
    '  -H "X-Hub-Signature-256: sha256=$SIG" \\',
    `  --data "$BODY"`,
  ].join("\n");
}

/** Shown once after connecting a webhook source: the secret is never retrievable again. */
export function WebhookSecretDialog({
  webhook,
  onClose,
}: {
  webhook: { name: string; url: string; secret: string } | null;
  onClose: () => void;
}) {
  return (
    <Dialog
      open={webhook !== null}
      onClose={onClose}
      dismissOnBackdrop={false}
      wide
      title="Your webhook is ready"
      description="This is the only time the signing secret is shown. Store it with the system that will send posts."
      footer={
        <Button variant="primary" onClick={onClose}>
          I've stored the secret
        </Button>
      }
    >
      {webhook ? (
        <div className="stack">
          <CopyField label={`Webhook URL for “${webhook.name}”`} value={webhook.url} />
          <CopyField label="Signing secret" value={webhook.secret} />
          <Alert tone="info" title="How to sign a request">
            <p>
              Send JSON with <code>Content-Type: application/json</code> and two headers:
            </p>
            <ul className="recipe">
              <li>
                <code>X-Chorus-Timestamp: &lt;unix seconds&gt;</code> (refused when older than 5 minutes)
              </li>
              <li>
                <code>
                  X-Hub-Signature-256: sha256=&lt;hex HMAC-SHA256 of "&lt;timestamp&gt;.&lt;raw body&gt;"&gt;
                </code>
              </li>
            </ul>
            <p>
              A body is one post, an array of posts or <code>{'{ "posts": [...] }'}</code>; each needs an{" "}
              <code>id</code> and <code>text</code>.
            </p>
          </Alert>
          <CodeBlock label="Try it with curl" code={curlExample(webhook.url, webhook.secret)} />
        </div>
      ) : null}
    </Dialog>
  );
}

function CodeBlock({ label, code }: { label: string; code: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <figure className="code-figure">
      <div className="code-figure-head">
        <figcaption className="field-label">{label}</figcaption>
        <Button
          size="sm"
          variant="ghost"
          icon={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
          aria-label={copied ? "Copied the curl example" : "Copy the curl example"}
          onClick={async () => {
            setCopied(await copyText(code));
            window.setTimeout(() => setCopied(false), 2500);
          }}
        >
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      <pre className="code-block">
        <code>{code}</code>
      </pre>
    </figure>
  );
}
