import type { DigestContent } from "./buildDigest";

const fmt = new Intl.NumberFormat("en");
const signed = (n: number | null) => (n === null ? "new" : `${n > 0 ? "+" : ""}${n} %`);
const day = (iso: string) => iso.slice(0, 16).replace("T", " ");

/** The digest as a plain-text email: top changes, alerts, share of voice, and a link to the app. */
export function formatDigest(
  d: DigestContent,
  organisationName: string,
  appUrl: string,
): { subject: string; text: string } {
  const title = d.period === "daily" ? "Daily" : "Weekly";
  const lines = [
    `${title} listening digest for ${organisationName}`,
    `${day(d.from)} – ${day(d.to)} UTC`,
    "",
    `Mentions: ${fmt.format(d.total)} (${signed(d.change)} against the period before)`,
    "",
    "Top changes",
    ...d.topics
      .slice(0, 8)
      .map(
        (t) =>
          `  ${t.name}: ${fmt.format(t.volume)} mentions (${signed(t.change)}), ${t.negativeShare} % negative`,
      ),
    "",
    d.alerts.length ? `Alerts (${d.alerts.length})` : "Alerts: none",
    ...d.alerts
      .slice(0, 10)
      .map((a) => `  ${day(a.at)}  ${a.message}${a.status === "open" ? " [open]" : ""}`),
    "",
    "Share of voice",
    ...(d.shareOfVoice.length
      ? d.shareOfVoice.map((s) => `  ${s.name}: ${s.share} %`)
      : ["  (no brand or competitor topics)"]),
    "",
    `Open the dashboard: ${appUrl}/listen/dashboard`,
  ];
  return {
    subject: `${title} digest: ${fmt.format(d.total)} mentions (${signed(d.change)})`,
    text: `${lines.join("\n")}\n`,
  };
}
