// Loads every module's declarations into the policy table (side effects by design).
import "../modules/accounts/policy";
import "../modules/organisations/policy";
import "../modules/spaces/policy";
import "../modules/audit/policy";
import "../modules/ingestion/policy";
import "../modules/listening/policy";
import "../modules/alerts/policy";
import "../modules/mentions/policy";
import "../modules/digests/policy";
