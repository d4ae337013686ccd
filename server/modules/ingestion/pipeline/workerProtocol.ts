import type { TopicDefinition } from "../../listening/topicIndex";
import type { MentionInput } from "../../mentions/types";
import type { NormalisedPost } from "../connectors/types";

export interface PipelineItem {
  sourceId: string | null;
  post: NormalisedPost;
}

export type WorkerRequest =
  | { type: "topics"; organisationId: string; topics: TopicDefinition[] }
  | { type: "topic"; organisationId: string; topic: TopicDefinition }
  | { type: "removeTopic"; organisationId: string; topicId: string }
  | { type: "process"; id: number; organisationId: string; items: PipelineItem[] };

export type WorkerResponse =
  | { type: "done"; id: number; results: MentionInput[] }
  | { type: "error"; id: number; message: string };
