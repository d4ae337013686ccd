import { Matcher } from "../../../shared/listening/match";
import { parse } from "../../../shared/listening/query";

export interface TopicDefinition {
  id: string;
  query: string;
}

/**
 * One compiled matcher per organisation: a post is only ever matched against its own
 * organisation's topics, and a topic change recompiles one query, not the whole index.
 */
export class TopicIndex {
  private readonly matchers = new Map<string, Matcher>();

  setTopics(organisationId: string, topics: TopicDefinition[]): string[] {
    const matcher = new Matcher();
    const invalid: string[] = [];
    for (const topic of topics) if (!this.addTo(matcher, topic)) invalid.push(topic.id);
    this.matchers.set(organisationId, matcher);
    return invalid;
  }

  upsertTopic(organisationId: string, topic: TopicDefinition): boolean {
    let matcher = this.matchers.get(organisationId);
    if (!matcher) {
      matcher = new Matcher();
      this.matchers.set(organisationId, matcher);
    }
    return this.addTo(matcher, topic);
  }

  removeTopic(organisationId: string, topicId: string): void {
    this.matchers.get(organisationId)?.remove(topicId);
  }

  matcherFor(organisationId: string): Matcher | null {
    const matcher = this.matchers.get(organisationId);
    return matcher && matcher.size > 0 ? matcher : null;
  }

  private addTo(matcher: Matcher, topic: TopicDefinition): boolean {
    const parsed = parse(topic.query);
    if (!parsed.ok) {
      // Stored queries were validated on save; a parser change could still reject one.
      matcher.remove(topic.id);
      return false;
    }
    matcher.add(topic.id, parsed.ast);
    return true;
  }
}
