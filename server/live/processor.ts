import type { ChorusEvent, EventBus } from "../events/types";
import type { LiveHub, LiveMessage } from "./hub";

/**
 * Which client caches an event makes stale. Modules add their own entries as they arrive;
 * every organisation event also refreshes the audit log.
 */
const KEYS_BY_PREFIX: Record<string, string[][]> = {
  "organisation.": [["organisation"], ["session"]],
  "member.": [["members"], ["session"]],
  "invitation.": [["invitations"], ["members"]],
  "api_token.": [["tokens"]],
  "space.": [["spaces"]],
  "source.": [["sources"]],
  "import.": [["imports"]],
  "mentions.": [["mentions"], ["sources"], ["dashboards"]],
  "topic.": [["topics"]],
  "backfill.": [["topics"]],
  // "alert" without a dot: alert_settings.* refreshes the settings card in other tabs too.
  alert: [["alerts"], ["dashboards"]],
  digest: [["digests"]],
};

export function liveMessageFor(event: ChorusEvent): LiveMessage {
  // System events (a batch of mentions, import progress) are not in the audit log.
  const keys: string[][] = event.audit === false ? [] : [["audit"]];
  for (const [prefix, extra] of Object.entries(KEYS_BY_PREFIX)) {
    if (event.name.startsWith(prefix)) keys.push(...extra);
  }
  return { keys, event: event.name };
}

/**
 * A broadcast subscription: every web process hears every event and tells its own browsers.
 * Events may name a room in `data.room` (a dashboard, an inbox) to reach only its viewers.
 */
export function startLiveProcessor(bus: EventBus, hub: LiveHub) {
  return bus.subscribe((event) => {
    if (!event.organisationId) return;
    const message = liveMessageFor(event);
    const room = typeof event.data.room === "string" ? event.data.room : null;
    hub.publish(
      room ? { organisationId: event.organisationId, room } : { organisationId: event.organisationId },
      message,
    );
  });
}
