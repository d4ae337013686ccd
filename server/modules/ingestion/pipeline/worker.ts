/**
 * Worker thread: enriches and matches batches. It keeps its own TopicIndex, kept in step by
 * messages from the pool (postMessage is ordered, so a topic change sent before a batch is
 * applied before that batch).
 */
import { parentPort } from "node:worker_threads";
import { TopicIndex } from "../../listening/topicIndex";
import { processPost } from "./processPost";
import type { WorkerRequest, WorkerResponse } from "./workerProtocol";

const index = new TopicIndex();

parentPort!.on("message", (message: WorkerRequest) => {
  switch (message.type) {
    case "topics":
      index.setTopics(message.organisationId, message.topics);
      return;
    case "topic":
      index.upsertTopic(message.organisationId, message.topic);
      return;
    case "removeTopic":
      index.removeTopic(message.organisationId, message.topicId);
      return;
    case "process": {
      let response: WorkerResponse;
      try {
        const matcher = index.forOrganisation(message.organisationId);
        const results = message.items.map((item) => processPost(item.post, item.sourceId, matcher));
        response = { type: "done", id: message.id, results };
      } catch (error) {
        response = {
          type: "error",
          id: message.id,
          message: error instanceof Error ? error.message : String(error),
        };
      }
      parentPort!.postMessage(response);
    }
  }
});
