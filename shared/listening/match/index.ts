export { Compiled, compile, test } from "./compile";
export { Matcher, type MatcherOptions, type MatcherStats, type TopicMatch } from "./matcher";
export { defaultTermCost, type Key, type Required, requiredKeys, type TermCost } from "./presearch";
export { StreamStats } from "./streamStats";
