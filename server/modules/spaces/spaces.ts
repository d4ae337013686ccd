import { isOutsideRole } from "../../../shared/roles";
import type { AppContext } from "../../context";
import { keysetPage } from "../../db/keyset";
import { type Actor, recordEvent } from "../../events/record";
import { notFound } from "../../http/errors";
import { authorize, type PolicyActor } from "../../policies/policy";
import { organisationsRepo } from "../organisations/repository";

/**
 * The spaces a caller may see. For outside members the filter is in SQL (a join on
 * space_members), so a space they were not invited to is never even loaded.
 */
export async function listSpaces(
  ctx: Pick<AppContext, "db">,
  actor: PolicyActor,
  query: { cursor?: string; limit: number },
) {
  let q = ctx.db
    .selectFrom("spaces")
    .selectAll("spaces")
    .where("spaces.organisation_id", "=", actor.organisationId);
  if (isOutsideRole(actor.role)) {
    q = q
      .innerJoin("space_members", "space_members.space_id", "spaces.id")
      .where("space_members.user_id", "=", actor.userId);
  }
  return keysetPage(q, query, "spaces").execute();
}

/** 404, not 403, for a space the caller may not see: its existence is not theirs to know. */
export async function getSpace(ctx: Pick<AppContext, "db">, actor: PolicyActor, id: string) {
  const space = await ctx.db
    .selectFrom("spaces")
    .selectAll()
    .where("organisation_id", "=", actor.organisationId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!space) throw notFound("Space");
  const membership = await ctx.db
    .selectFrom("space_members")
    .select("user_id")
    .where("space_id", "=", id)
    .where("user_id", "=", actor.userId)
    .executeTakeFirst();
  try {
    authorize(actor, "read", "Space", { isMember: Boolean(membership) });
  } catch {
    throw notFound("Space");
  }
  return space;
}

export async function createSpace(
  ctx: Pick<AppContext, "db">,
  actor: PolicyActor,
  eventActor: Actor,
  input: { name: string; description?: string | undefined },
) {
  authorize(actor, "create", "Space");
  return ctx.db.transaction().execute(async (trx) => {
    const space = await trx
      .insertInto("spaces")
      .values({
        organisation_id: actor.organisationId,
        name: input.name.trim(),
        description: input.description?.trim() ?? "",
        created_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(trx, eventActor, {
      name: "space.created",
      subjectType: "space",
      subjectId: space.id,
      data: { name: space.name },
    });
    return space;
  });
}

export async function setSpaceMember(
  ctx: Pick<AppContext, "db">,
  actor: PolicyActor,
  eventActor: Actor,
  input: { spaceId: string; userId: string; present: boolean },
) {
  authorize(actor, "manageMembers", "Space");
  await ctx.db.transaction().execute(async (trx) => {
    const space = await trx
      .selectFrom("spaces")
      .select(["id", "name"])
      .where("organisation_id", "=", actor.organisationId)
      .where("id", "=", input.spaceId)
      .executeTakeFirst();
    if (!space) throw notFound("Space");
    // Only people of this organisation can join its spaces.
    if (!(await organisationsRepo.findMembership(trx, actor.organisationId, input.userId)))
      throw notFound("Member");
    if (input.present) {
      await trx
        .insertInto("space_members")
        .values({ space_id: space.id, user_id: input.userId })
        .onConflict((oc) => oc.doNothing())
        .execute();
    } else {
      await trx
        .deleteFrom("space_members")
        .where("space_id", "=", space.id)
        .where("user_id", "=", input.userId)
        .execute();
    }
    await recordEvent(trx, eventActor, {
      name: input.present ? "space.member_added" : "space.member_removed",
      subjectType: "space",
      subjectId: space.id,
      data: { userId: input.userId, space: space.name },
    });
  });
}
