import { allow } from "../../policies/policy";

// Mentions and dashboards: every internal member reads; triage (tags, hand-offs) is for the
// people who work the stream; bulk exports for those who analyse it.
allow("members", ["read"], "Mention");
allow(["owner", "admin", "analyst", "agent"], ["tag", "handoff"], "Mention");
allow(["owner", "admin", "analyst"], ["export"], "Mention");
