import { allow } from "../../policies/policy";

// Analysts build listening: they may wire sources and import files; everyone inside may look.
allow("members", ["read"], "Source");
allow(["owner", "admin", "analyst"], ["create", "update", "delete", "run"], "Source");
allow("members", ["read"], "Import");
allow(["owner", "admin", "analyst"], ["create"], "Import");
