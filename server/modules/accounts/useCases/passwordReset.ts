import type { AppContext } from "../../../context";
import { publicUrl } from "../../../context";
import { recordEvent } from "../../../events/record";
import { AppError } from "../../../http/errors";
import { randomToken, sha256 } from "../../../lib/crypto";
import { hashPassword } from "../passwords";
import { usersRepo } from "../repository";
import { deleteSessionsOfUser } from "../sessions";

const RESET_TTL_MS = 60 * 60_000;

/** Makes a one-hour reset link. The CLI calls this directly; the API mails it. */
export async function createPasswordResetLink(ctx: Pick<AppContext, "db" | "config">, email: string) {
  const user = await usersRepo.findByEmail(ctx.db, email);
  if (!user) return null;
  const token = randomToken();
  await ctx.db
    .insertInto("password_resets")
    .values({ user_id: user.id, token_hash: sha256(token), expires_at: new Date(Date.now() + RESET_TTL_MS) })
    .execute();
  return { user, url: `${publicUrl(ctx.config)}/reset-password/${token}` };
}

/** Always succeeds from the caller's view, so it cannot be used to probe for accounts. */
export async function requestPasswordReset(ctx: Pick<AppContext, "db" | "config" | "mailer">, email: string) {
  const link = await createPasswordResetLink(ctx, email);
  if (!link) return;
  await ctx.mailer.send({
    to: link.user.email,
    subject: "Reset your Chorus password",
    text: `Hello ${link.user.name},\n\nSomeone asked to reset your Chorus password. If it was you, open this link within an hour:\n\n${link.url}\n\nIf not, ignore this mail; your password stays as it is.`,
  });
}

export async function resetPassword(
  ctx: Pick<AppContext, "db">,
  input: { token: string; password: string; ip: string | null },
) {
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction().execute(async (trx) => {
    const reset = await trx
      .selectFrom("password_resets")
      .selectAll()
      .where("token_hash", "=", sha256(input.token))
      .forUpdate()
      .executeTakeFirst();
    if (!reset || reset.used_at || reset.expires_at < new Date()) {
      throw new AppError(400, "bad_request", "This reset link is invalid or has expired; ask for a new one");
    }
    await trx
      .updateTable("password_resets")
      .set({ used_at: new Date() })
      .where("id", "=", reset.id)
      .execute();
    await trx
      .updateTable("users")
      .set({ password_hash: passwordHash })
      .where("id", "=", reset.user_id)
      .execute();
    // A reset is often a reaction to a compromise: every existing session ends.
    await deleteSessionsOfUser(trx, reset.user_id);
    await trx
      .updateTable("api_tokens")
      .set({ revoked_at: new Date() })
      .where("user_id", "=", reset.user_id)
      .where("revoked_at", "is", null)
      .execute();
    await recordEvent(
      trx,
      { userId: reset.user_id, organisationId: null, ip: input.ip },
      { name: "user.password_reset", subjectType: "user", subjectId: reset.user_id },
    );
  });
}
