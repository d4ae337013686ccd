export { decodeRedditText, type RedditListing, type RedditThing, thingToPost } from "./map";
export {
  createRedditPollingConnector,
  parseRedditRateLimit,
  type RedditCursor,
  type RedditPollOptions,
  type RedditSourceCursor,
  redditNextPollMs,
  redditPollingConnector,
} from "./poll";
export { type RedditSettings, redditSettings } from "./settings";
