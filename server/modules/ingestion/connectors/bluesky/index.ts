export { applyFacets, eventToPost, type JetstreamEvent, type PostRecord } from "./map";
export { type BlueskySettings, blueskySettings } from "./settings";
export {
  type BlueskyStreamOptions,
  blueskyStreamingConnector,
  createBlueskyStreamingConnector,
  subscribeUrl,
} from "./stream";
