import { type FormEvent, useState } from "react";
import { errorMessage, isApiError } from "../api/client";
import { useCreateToken, useRevokeToken, useTokens } from "../api/tokens";
import type { ApiToken } from "../api/types";
import { CopyField } from "../lib/CopyField";
import { absoluteTime, relativeTime, shortDate } from "../lib/format";
import {
  Alert,
  Button,
  Card,
  type Column,
  Dialog,
  EmptyState,
  PageSpinner,
  Select,
  Table,
  TextField,
  useToast,
} from "../ui";
import { IconKey } from "../ui/icons";
import { LoadMore } from "./shared";

const EXPIRY_OPTIONS = [
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
  { value: "", label: "Never" },
];

export function TokensSettings() {
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const toast = useToast();
  const [name, setName] = useState("");
  const [expiry, setExpiry] = useState("90");
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  async function onCreate(event: FormEvent) {
    event.preventDefault();
    try {
      const result = await create.mutateAsync({
        name: name.trim(),
        ...(expiry ? { expiresInDays: Number(expiry) } : {}),
      });
      setSecret({ name: result.token.name, secret: result.secret });
      setName("");
    } catch {
      // Rendered below.
    }
  }

  async function onRevoke() {
    if (!revoking) return;
    try {
      await revoke.mutateAsync(revoking.id);
      toast({ tone: "success", title: `Token “${revoking.name}” revoked` });
      setRevoking(null);
    } catch (error) {
      toast({ tone: "danger", title: "Token not revoked", description: errorMessage(error) });
    }
  }

  const fields = isApiError(create.error) ? create.error.fieldErrors() : {};
  const time = (iso: string | null, fallback: string) =>
    iso ? (
      <time dateTime={iso} title={absoluteTime(iso)}>
        {relativeTime(iso)}
      </time>
    ) : (
      <span className="muted">{fallback}</span>
    );

  const columns: Column<ApiToken>[] = [
    { key: "name", header: "Name", cell: (t) => <span className="cell-strong">{t.name}</span> },
    { key: "prefix", header: "Token", cell: (t) => <code className="token-prefix">{t.prefix}…</code> },
    { key: "user", header: "Owner", cell: (t) => t.user.name },
    { key: "created", header: "Created", cell: (t) => time(t.createdAt, "—") },
    { key: "used", header: "Last used", cell: (t) => time(t.lastUsedAt, "Never") },
    {
      key: "expires",
      header: "Expires",
      cell: (t) =>
        t.expiresAt ? <span title={absoluteTime(t.expiresAt)}>{shortDate(t.expiresAt)}</span> : "Never",
    },
    {
      key: "actions",
      header: <span className="visually-hidden">Actions</span>,
      label: "",
      align: "end",
      cell: (t) => (
        <Button
          size="sm"
          variant="ghost"
          onClick={() => setRevoking(t)}
          aria-label={`Revoke token ${t.name}`}
        >
          Revoke
        </Button>
      ),
    },
  ];

  return (
    <div className="stack">
      <Card
        as="section"
        title="Create API token"
        description="Tokens let scripts and integrations call the Chorus API as you, with your role in this organisation."
      >
        <form className="form" onSubmit={onCreate}>
          {create.error && Object.keys(fields).length === 0 ? (
            <Alert tone="danger">{errorMessage(create.error)}</Alert>
          ) : null}
          <div className="form-row invite-row">
            <TextField
              label="Token name"
              required
              maxLength={100}
              placeholder="e.g. Reporting script"
              value={name}
              onChange={(e) => setName(e.target.value)}
              error={fields.name}
            />
            <Select
              label="Expires after"
              value={expiry}
              onChange={(e) => setExpiry(e.target.value)}
              error={fields.expiresInDays}
            >
              {EXPIRY_OPTIONS.map((o) => (
                <option key={o.label} value={o.value}>
                  {o.label}
                </option>
              ))}
            </Select>
            <div className="invite-submit">
              <Button variant="primary" type="submit" loading={create.isPending}>
                Create token
              </Button>
            </div>
          </div>
        </form>
      </Card>

      <Card as="section" padded={false} title="Tokens">
        {tokens.isPending ? (
          <PageSpinner />
        ) : tokens.isError ? (
          <div className="card-inset">
            <Alert tone="danger">{errorMessage(tokens.error)}</Alert>
          </div>
        ) : tokens.rows.length === 0 ? (
          <EmptyState icon={<IconKey size={24} />} title="No API tokens" headingLevel={3}>
            <p>Create a token above when a script or integration needs to reach the API.</p>
          </EmptyState>
        ) : (
          <>
            <Table caption="API tokens" columns={columns} rows={tokens.rows} rowKey={(t) => t.id} />
            <LoadMore query={tokens} />
          </>
        )}
      </Card>

      <Dialog
        open={secret !== null}
        onClose={() => setSecret(null)}
        dismissOnBackdrop={false}
        title="Copy your new token"
        description="This is the only time the secret is shown. Store it somewhere safe, like a password manager or your CI's secrets."
        footer={
          <Button variant="primary" onClick={() => setSecret(null)}>
            I've stored it
          </Button>
        }
      >
        {secret ? <CopyField label={`Secret for “${secret.name}”`} value={secret.secret} /> : null}
      </Dialog>

      <Dialog
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        title={`Revoke “${revoking?.name ?? ""}”?`}
        description="Anything using this token stops working immediately. This can't be undone."
        footer={
          <>
            <Button variant="ghost" onClick={() => setRevoking(null)}>
              Cancel
            </Button>
            <Button variant="danger" loading={revoke.isPending} onClick={() => void onRevoke()}>
              Revoke token
            </Button>
          </>
        }
      />
    </div>
  );
}
