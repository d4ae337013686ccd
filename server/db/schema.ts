import type { EventsTables } from "../events/tables";
import type { AccountsTables } from "../modules/accounts/tables";
import type { AlertsTables } from "../modules/alerts/tables";
import type { DigestsTables } from "../modules/digests/tables";
import type { IngestionTables } from "../modules/ingestion/tables";
import type { ListeningTables } from "../modules/listening/tables";
import type { MentionsTables } from "../modules/mentions/tables";
import type { OrganisationsTables } from "../modules/organisations/tables";
import type { SpacesTables } from "../modules/spaces/tables";

/**
 * The database as Kysely sees it: the union of the tables each module owns. A module's
 * repository touches only its own tables; other modules go through its public functions.
 */
export interface DB
  extends OrganisationsTables,
    AccountsTables,
    EventsTables,
    SpacesTables,
    ListeningTables,
    MentionsTables,
    IngestionTables,
    AlertsTables,
    DigestsTables {}
