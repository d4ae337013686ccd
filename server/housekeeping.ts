import type { AppContext } from "./context";
import { loginAttemptsRepo } from "./modules/accounts/repository";
import { deleteExpiredSessions } from "./modules/accounts/sessions";
import { alertsForDigest } from "./modules/digests/alertsForDigest";
import { sendDueDigests } from "./modules/digests/sendDigests";
import { failStaleImports } from "./modules/ingestion/useCases/importFile";
import { applyRetention } from "./modules/mentions/applyRetention";

/**
 * Periodic chores, each owned by its module and called through its public function: imports
 * whose process died, mentions past their retention, expired sessions, and login attempts older
 * than any rate-limit window. Runs in processes with workers; every chore is safe to run in
 * several processes at once.
 */
export function housekeepingTasks(
  ctx: Pick<AppContext, "db" | "config" | "mailer" | "logger">,
): [string, () => Promise<unknown>][] {
  return [
    ["stale imports", () => failStaleImports(ctx.db)],
    ["retention", () => applyRetention(ctx.db)],
    ["expired sessions", () => deleteExpiredSessions(ctx.db)],
    ["digests", () => sendDueDigests(ctx, alertsForDigest(ctx.db))],
    [
      "old login attempts",
      () => loginAttemptsRepo.prune(ctx.db, Math.max(24 * 60, ctx.config.LOGIN_WINDOW_MINUTES * 2)),
    ],
  ];
}

export function startHousekeeping(
  ctx: Pick<AppContext, "db" | "config" | "logger" | "mailer">,
  everyMs = 60_000,
): () => void {
  const run = async () => {
    for (const [name, task] of housekeepingTasks(ctx)) {
      await task().catch((error) => ctx.logger.error({ err: error, task: name }, "housekeeping task failed"));
    }
  };
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
