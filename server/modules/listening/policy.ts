import { allow } from "../../policies/policy";

allow("members", ["read"], "Topic");
allow(["owner", "admin", "analyst"], ["create", "update", "delete"], "Topic");
