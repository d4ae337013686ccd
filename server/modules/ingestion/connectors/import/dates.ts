/**
 * Lenient date parsing for user data (CSV/JSONL imports, webhooks, feeds). Accepts:
 * - ISO 8601 / RFC 3339 ("2024-03-01", "2024-03-01T10:00:00Z", "+01:00", "+0100", no zone = UTC)
 * - "YYYY-MM-DD HH:MM[:SS[.fff]]" (spreadsheet exports; UTC unless a zone follows)
 * - epoch seconds (9–10 digits, may have a fraction) and epoch milliseconds (12–13 digits)
 * - RFC 2822 / RFC 822 ("Tue, 10 Jun 2003 04:00:00 GMT", "+0200", US zones), unknown zone words → UTC
 * - slashed/dotted day-month-year: "31/12/2024", "12/31/2024 14:05", "31.12.2024". When both
 *   numbers are ≤ 12 the order is ambiguous and `dateOrder` decides (default "dmy", as most of the
 *   world writes it; US exports should pass "mdy").
 * Returns an ISO 8601 string (UTC) or null. Years outside 1970–2100 are refused as almost
 * certainly a wrong column or a wrong epoch unit.
 */
export type DateOrder = "dmy" | "mdy";

export function parseFlexibleDate(value: unknown, dateOrder: DateOrder = "dmy"): string | null {
  if (value instanceof Date) return valid(value.getTime());
  if (typeof value === "number") return fromEpoch(value);
  if (typeof value !== "string") return null;
  const s = value.trim();
  if (!s) return null;
  if (/^\d+(\.\d+)?$/.test(s)) return fromEpoch(Number(s));

  const iso = s.match(
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?$/i,
  );
  if (iso) {
    const [, y, mo, d, h = "0", mi = "0", sec = "0", frac = "", zone = "Z"] = iso;
    const ms = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +sec, Math.round(Number(`0${frac}`) * 1000));
    if (!sameFields(ms, +y!, +mo!, +d!)) return null;
    return valid(ms - zoneOffsetMs(zone));
  }

  const dm = s.match(
    /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?)?$/i,
  );
  if (dm) {
    const [, a, b, y, h = "0", mi = "0", sec = "0", ampm] = dm;
    let day = +a!;
    let month = +b!;
    if (+a! > 12 || (+b! <= 12 && dateOrder === "dmy")) [day, month] = [+a!, +b!];
    else [day, month] = [+b!, +a!];
    let hour = +h;
    if (ampm) hour = (hour % 12) + (ampm.toLowerCase() === "pm" ? 12 : 0);
    const ms = Date.UTC(+y!, month - 1, day, hour, +mi, +sec);
    return sameFields(ms, +y!, month, day) ? valid(ms) : null;
  }

  // RFC 2822 and friends: V8 understands GMT/UT/Z and the US zones; anything else it rejects, so
  // retry with the unknown zone word removed (treated as UTC) rather than lose the date.
  // Only when a month name is present: bare Date.parse also accepts "-5" or "1 2" as dates.
  if (!/\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.test(s)) return null;
  let ms = Date.parse(s);
  if (Number.isNaN(ms)) ms = Date.parse(s.replace(/\s+[A-Z]{2,5}$/, " GMT"));
  return Number.isNaN(ms) ? null : valid(ms);
}

function fromEpoch(n: number): string | null {
  if (!Number.isFinite(n) || n < 0) return null;
  // 1e11 s is year 5138, 1e11 ms is 1973: digits tell the unit apart for any plausible date.
  return valid(n >= 1e11 ? n : n * 1000);
}

function valid(ms: number): string | null {
  if (!Number.isFinite(ms)) return null;
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  return y >= 1970 && y <= 2100 ? d.toISOString() : null;
}

/** Date.UTC silently rolls 31 Feb into March; refuse that instead. */
function sameFields(ms: number, y: number, m: number, d: number): boolean {
  const dt = new Date(ms);
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

function zoneOffsetMs(zone: string): number {
  const z = zone.toUpperCase();
  if (z === "Z" || z === "UTC" || z === "GMT") return 0;
  const m = z.match(/^([+-])(\d{2}):?(\d{2})$/);
  if (!m) return 0;
  return (m[1] === "-" ? -1 : 1) * (+m[2]! * 60 + +m[3]!) * 60_000;
}
