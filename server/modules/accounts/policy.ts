import { allow } from "../../policies/policy";

// Outside members have no REST API access: they work only inside their spaces.
allow("members", ["create", "read"], "ApiToken");
allow(["owner", "admin"], ["readAll"], "ApiToken");
allow<{ userId: string }>("members", ["revoke"], "ApiToken", (actor, token) => token.userId === actor.userId);
allow(["owner", "admin"], ["revoke"], "ApiToken");
