import { allow } from "../../policies/policy";

allow("members", ["read"], "Digest");
allow(["owner", "admin", "analyst"], ["manage"], "Digest");
