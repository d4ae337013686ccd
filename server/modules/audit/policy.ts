import { allow } from "../../policies/policy";

allow(["owner", "admin"], ["read"], "AuditLog");
