import type { Database } from "../../db/database";
import { alertsRepo } from "../alerts/repository";
import type { AlertSource } from "./sendDigests";

/** The alerts raised in a digest's period, through the alerts module's public read. */
export function alertsForDigest(db: Database): AlertSource {
  return (organisationId, from, to) => alertsRepo.raisedBetween(db, organisationId, from, to);
}
