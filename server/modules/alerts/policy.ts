import { allow } from "../../policies/policy";

allow("members", ["read"], "Alert");
allow(["owner", "admin", "analyst"], ["acknowledge", "readSettings", "updateSettings"], "Alert");
