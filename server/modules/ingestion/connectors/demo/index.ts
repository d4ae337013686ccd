export { type DemoCrisis, demoCrisisSchedule } from "./crisis";
export {
  type DemoGenerateOptions,
  type DemoRaw,
  expectedPostsInHour,
  generateDemoHour,
  generateDemoPosts,
} from "./generate";
export { type DemoSettings, demoSettings } from "./settings";
export { createDemoStreamingConnector, type DemoCursor, demoStreamingConnector } from "./stream";
