import type { ConnectorContext, NormalisedPost, PollingConnector, PollResult } from "../types";
import { getJson, parseRateLimit, type RateLimit } from "./api";
import { compareIds, isStatus, type MastodonStatus, maxId, statusToPost } from "./map";
import { type MastodonSettings, mastodonSettings } from "./settings";

export interface MastodonPollOptions {
  /** Wait between polls while the rate-limit budget is healthy. */
  intervalMs?: number;
  /** Pages of 40 per source per poll, so one poll after a long outage stays bounded. */
  maxPages?: number;
}

const PAGE = 40;

function pollPaths(
  settings: MastodonSettings,
): { label: string; path: string; statusesOf(body: unknown): unknown[] }[] {
  const list = (body: unknown) => (Array.isArray(body) ? body : []);
  const paths = [];
  if (settings.query) {
    paths.push({
      label: `search ${settings.query}`,
      path: `/api/v2/search?q=${encodeURIComponent(settings.query)}&type=statuses&resolve=false&`,
      statusesOf: (body: unknown) => {
        const statuses = (body as { statuses?: unknown } | null)?.statuses;
        return Array.isArray(statuses) ? statuses : [];
      },
    });
  }
  for (const tag of settings.hashtags ?? []) {
    paths.push({
      label: `#${tag}`,
      path: `/api/v1/timelines/tag/${encodeURIComponent(tag)}?`,
      statusesOf: list,
    });
  }
  if (settings.timeline) {
    const local = settings.timeline === "local" ? "local=true&" : "";
    paths.push({ label: settings.timeline, path: `/api/v1/timelines/public?${local}`, statusesOf: list });
  }
  return paths;
}

/**
 * Polls search and/or tag timelines. Cursor: the highest status id seen; every source pages
 * forward from it with min_id (ids are instance-wide snowflakes, so one cursor serves all).
 * The first poll, with no cursor, takes only the newest page rather than the whole history.
 */
export function createMastodonPollingConnector(
  options: MastodonPollOptions = {},
): PollingConnector<MastodonSettings, string | null> {
  const intervalMs = options.intervalMs ?? 60_000;
  const maxPages = options.maxPages ?? 5;

  async function poll(
    settings: MastodonSettings,
    cursor: string | null,
    ctx: ConnectorContext,
  ): Promise<PollResult<string | null>> {
    const byId = new Map<string, MastodonStatus>();
    let newest = cursor;
    let requests = 0;
    let limit: RateLimit = {};
    outer: for (const source of pollPaths(settings)) {
      let minId = cursor;
      for (let page = 0; page < maxPages; page++) {
        const url = `${settings.instanceUrl}${source.path}limit=${PAGE}${minId ? `&min_id=${encodeURIComponent(minId)}` : ""}`;
        const { body, headers } = await getJson(url, settings.accessToken, ctx, `mastodon ${source.label}`);
        requests++;
        limit = parseRateLimit(headers, ctx.now());
        const statuses = source.statusesOf(body).filter(isStatus);
        for (const status of statuses) {
          byId.set(status.id, status);
          newest = maxId(newest, status.id);
          minId = maxId(minId, status.id);
        }
        if (limit.remaining !== undefined && limit.remaining < 1) {
          ctx.log("info", "mastodon rate limit exhausted; waiting for reset", { resetAt: limit.resetAt });
          break outer;
        }
        // No cursor yet: the newest page is the starting point, not the history before it.
        if (statuses.length < PAGE || cursor === null) break;
      }
    }
    const posts: NormalisedPost[] = [...byId.values()]
      .sort((a, b) => compareIds(a.id, b.id))
      .map((s) => statusToPost(s, settings.instanceUrl));
    return { posts, cursor: newest, nextPollMs: nextPollMs(limit, requests, intervalMs, ctx.now()) };
  }

  return { kind: "mastodon", mode: "poll", settings: mastodonSettings, poll };
}

/**
 * Out of budget → wait for the reset. Otherwise spread the remaining budget over the window so
 * a poll of `requests` calls never runs the budget dry before the reset.
 */
export function nextPollMs(limit: RateLimit, requests: number, intervalMs: number, now: Date): number {
  const untilReset = limit.resetAt !== undefined ? Math.max(0, limit.resetAt - now.getTime()) : undefined;
  if (limit.remaining !== undefined && limit.remaining < 1) return Math.max(1_000, untilReset ?? intervalMs);
  if (limit.remaining !== undefined && untilReset !== undefined && requests > 0) {
    const polls = Math.floor(limit.remaining / requests);
    if (polls < 1) return Math.max(1_000, untilReset);
    return Math.max(intervalMs, Math.ceil(untilReset / polls));
  }
  return intervalMs;
}

export const mastodonPollingConnector = createMastodonPollingConnector();
