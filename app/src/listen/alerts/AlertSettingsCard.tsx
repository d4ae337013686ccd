import { type FormEvent, useEffect, useState } from "react";
import { type AlertSettings, useAlertSettings, useSaveAlertSettings } from "../../api/alerts";
import { errorMessage, isApiError } from "../../api/client";
import { Alert, Button, Card, Spinner, TextField, useToast } from "../../ui";

const list = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Where alerts go (email, Slack-compatible webhook) and which crisis terms are watched. */
export function AlertSettingsCard() {
  const settings = useAlertSettings(true);
  const save = useSaveAlertSettings();
  const toast = useToast();
  const [form, setForm] = useState({ emails: "", webhook: "", terms: "", enabled: true });

  useEffect(() => {
    const s: AlertSettings | undefined = settings.data;
    if (s)
      setForm({
        emails: s.emailRecipients.join(", "),
        webhook: s.webhookUrl ?? "",
        terms: s.crisisTerms.join(", "),
        enabled: s.enabled,
      });
  }, [settings.data]);

  const errors = isApiError(save.error) ? save.error.fieldErrors() : {};
  const fieldError = (prefix: string) =>
    Object.entries(errors).find(([path]) => path === prefix || path.startsWith(`${prefix}.`))?.[1];

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(
      {
        emailRecipients: list(form.emails),
        webhookUrl: form.webhook.trim() || null,
        crisisTerms: list(form.terms),
        enabled: form.enabled,
      },
      { onSuccess: () => toast({ tone: "success", title: "Alert settings saved" }) },
    );
  }

  return (
    <Card
      as="section"
      title="Alert settings"
      description="Who hears about alerts, and which crisis terms to watch."
    >
      {settings.isPending ? (
        <Spinner />
      ) : settings.isError ? (
        <Alert tone="danger" title="Could not load the settings">
          {errorMessage(settings.error)}
        </Alert>
      ) : (
        <form className="alert-settings" onSubmit={submit}>
          <label className="alert-settings-toggle">
            <input
              type="checkbox"
              checked={form.enabled}
              onChange={(e) => setForm({ ...form, enabled: e.target.checked })}
            />
            Detect spikes and crisis terms
          </label>
          <TextField
            label="Email recipients"
            hint="Comma-separated. Empty: the organisation's owners and admins."
            value={form.emails}
            onChange={(e) => setForm({ ...form, emails: e.target.value })}
            error={fieldError("body.emailRecipients")}
          />
          <TextField
            label="Webhook URL (Slack-compatible)"
            hint="An incoming-webhook URL; alerts are posted as a Slack message."
            type="url"
            placeholder="https://hooks.slack.com/services/…"
            value={form.webhook}
            onChange={(e) => setForm({ ...form, webhook: e.target.value })}
            error={fieldError("body.webhookUrl")}
          />
          <TextField
            label="Crisis terms"
            hint="One word each, comma-separated."
            value={form.terms}
            onChange={(e) => setForm({ ...form, terms: e.target.value })}
            error={fieldError("body.crisisTerms")}
          />
          {save.isError && Object.keys(errors).length === 0 ? (
            <Alert tone="danger" title="Could not save">
              {errorMessage(save.error)}
            </Alert>
          ) : null}
          <div>
            <Button type="submit" variant="primary" loading={save.isPending}>
              Save settings
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
}
