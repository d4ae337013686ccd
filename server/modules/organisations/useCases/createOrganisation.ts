import type { AppContext } from "../../../context";
import { type Actor, recordEvent } from "../../../events/record";
import { organisationsRepo } from "../repository";

/** Any user may found an organisation; they become its owner. */
export async function createOrganisation(
  ctx: Pick<AppContext, "db">,
  actor: Actor & { userId: string },
  name: string,
) {
  return ctx.db.transaction().execute(async (trx) => {
    const organisation = await organisationsRepo.insert(trx, name.trim());
    await organisationsRepo.insertMembership(trx, organisation.id, actor.userId, "owner");
    await recordEvent(
      trx,
      { ...actor, organisationId: organisation.id },
      {
        name: "organisation.created",
        subjectType: "organisation",
        subjectId: organisation.id,
        data: { name: organisation.name },
      },
    );
    return organisation;
  });
}
