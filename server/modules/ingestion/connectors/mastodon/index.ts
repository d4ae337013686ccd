export { decodeEntities, htmlToText } from "./html";
export { type MastodonStatus, statusExternalId, statusToPost } from "./map";
export { createMastodonPollingConnector, type MastodonPollOptions, mastodonPollingConnector } from "./poll";
export { type MastodonSettings, mastodonSettings } from "./settings";
export {
  createMastodonStreamingConnector,
  type MastodonStreamOptions,
  mastodonStreamingConnector,
} from "./stream";
