import { sleep } from "../mastodon/retry";
import type { ConnectorContext, StreamItem, StreamingConnector } from "../types";
import { generateDemoHour, resolveCrises } from "./generate";
import { type DemoSettings, demoSettings } from "./settings";

/** Position in the simulated stream: the next post to emit is `index` within hour `hour`. */
export interface DemoCursor {
  hour: number;
  index: number;
}

const HOUR = 3_600_000;
/** After a long stop, catch up at most this much simulated time instead of flooding the pipeline. */
const MAX_CATCH_UP_MS = 24 * HOUR;

/**
 * Paces the deterministic demo market in (accelerated) real time. Simulated time runs from an
 * anchor at `speedup` × real time; posts already due are emitted at once (catch-up after a
 * restart), later ones wait. The cursor is (hour, index), which regenerates identically.
 */
export function createDemoStreamingConnector(): StreamingConnector<DemoSettings, DemoCursor> {
  async function* stream(
    settings: DemoSettings,
    cursor: DemoCursor | null,
    ctx: ConnectorContext,
  ): AsyncGenerator<StreamItem<DemoCursor>> {
    const postsPerDay = settings.postsPerMinute * 1440;
    const realStart = ctx.now().getTime();
    const startAt = settings.startAt ? Date.parse(settings.startAt) : undefined;
    // Real-time demos follow the wall clock; accelerated or pinned ones continue from the cursor.
    const followsClock = settings.speedup === 1 && startAt === undefined;
    let position = cursor ?? { hour: Math.floor((startAt ?? realStart) / HOUR), index: 0 };
    const anchor = followsClock ? realStart : cursor ? position.hour * HOUR : (startAt ?? realStart);
    if (followsClock && anchor - position.hour * HOUR > MAX_CATCH_UP_MS) {
      ctx.log("info", "demo: skipping simulated time missed while stopped", {
        from: position.hour,
        catchUpHours: 24,
      });
      position = { hour: Math.floor((anchor - MAX_CATCH_UP_MS) / HOUR), index: 0 };
    }
    // A fresh start begins at its start time, not at the top of that hour.
    let skipBefore = cursor ? Number.NEGATIVE_INFINITY : anchor;
    const simulatedNow = () => anchor + (ctx.now().getTime() - realStart) * settings.speedup;
    const crisesFor = (hour: number) =>
      resolveCrises(
        settings.crisisEveryDays > 0 ? settings.crisisEveryDays : false,
        new Date(hour * HOUR - 24 * HOUR),
        new Date((hour + 1) * HOUR),
        settings.seed,
      );

    while (!ctx.signal.aborted) {
      const posts = generateDemoHour(settings.seed, position.hour, postsPerDay, crisesFor(position.hour));
      for (let i = position.index; i < posts.length; i++) {
        const post = posts[i]!;
        const due = Date.parse(post.createdAt);
        if (due < skipBefore) continue;
        const wait = (due - simulatedNow()) / settings.speedup;
        // Timers below a millisecond are not worth it: emit the small batch together.
        if (wait >= 1) await sleep(wait, ctx.signal);
        if (ctx.signal.aborted) return;
        const next =
          i + 1 < posts.length
            ? { hour: position.hour, index: i + 1 }
            : { hour: position.hour + 1, index: 0 };
        yield { post, cursor: next };
      }
      position = { hour: position.hour + 1, index: 0 };
      skipBefore = Number.NEGATIVE_INFINITY;
      // An hour with no posts (tiny rates at night) still has to pass in simulated time.
      const wait = (position.hour * HOUR - simulatedNow()) / settings.speedup;
      if (wait >= 1) await sleep(wait, ctx.signal);
    }
  }
  return { kind: "demo", mode: "stream", settings: demoSettings, stream };
}

export const demoStreamingConnector = createDemoStreamingConnector();
