import type { Command } from "commander";
import { ROLES, type Role } from "../../../shared/roles";
import { recordEvent } from "../../events/record";
import { hashPassword, passwordSchema } from "../../modules/accounts/passwords";
import { usersRepo } from "../../modules/accounts/repository";
import { createPasswordResetLink } from "../../modules/accounts/useCases/passwordReset";
import { organisationsRepo } from "../../modules/organisations/repository";
import { withDatabase } from "../withDatabase";

export function registerUser(program: Command) {
  const user = program.command("user").description("Manage users from the command line");

  user
    .command("create")
    .description("Create a user, optionally as a member of an organisation")
    .requiredOption("--email <email>", "email address")
    .requiredOption("--name <name>", "display name")
    .requiredOption("--password <password>", "password (at least 10 characters)")
    .option("--organisation <slug>", "organisation slug to join")
    .option("--role <role>", `role in that organisation: ${ROLES.join(", ")}`, "employee")
    .action(
      async (options: {
        email: string;
        name: string;
        password: string;
        organisation?: string;
        role: string;
      }) => {
        const password = passwordSchema.safeParse(options.password);
        if (!password.success) throw new Error(password.error.issues[0]?.message ?? "Invalid password");
        if (!(ROLES as readonly string[]).includes(options.role))
          throw new Error(`Unknown role "${options.role}"; use one of ${ROLES.join(", ")}`);
        const passwordHash = await hashPassword(options.password);
        await withDatabase(async ({ db }) => {
          await db.transaction().execute(async (trx) => {
            if (await usersRepo.findByEmail(trx, options.email))
              throw new Error(`A user with email ${options.email} already exists`);
            const created = await usersRepo.insert(trx, {
              email: options.email,
              name: options.name,
              passwordHash,
            });
            let organisationId: string | null = null;
            if (options.organisation) {
              const organisation = await trx
                .selectFrom("organisations")
                .select("id")
                .where("slug", "=", options.organisation)
                .executeTakeFirst();
              if (!organisation) throw new Error(`No organisation with slug "${options.organisation}"`);
              organisationId = organisation.id;
              await organisationsRepo.insertMembership(
                trx,
                organisation.id,
                created.id,
                options.role as Role,
              );
            }
            await recordEvent(
              trx,
              { userId: null, organisationId },
              {
                name: "user.created",
                subjectType: "user",
                subjectId: created.id,
                data: { email: created.email, role: organisationId ? options.role : null, via: "cli" },
              },
            );
            console.log(
              `Created ${created.email}${organisationId ? ` as ${options.role} of ${options.organisation}` : ""}`,
            );
          });
        });
      },
    );

  user
    .command("reset-link")
    .description("Print a one-hour password reset link for a user (for instances without SMTP)")
    .argument("<email>", "the user's email")
    .action(async (email: string) => {
      await withDatabase(async (ctx) => {
        const link = await createPasswordResetLink(ctx, email);
        if (!link) throw new Error(`No user with email ${email}`);
        console.log(link.url);
      });
    });
}
