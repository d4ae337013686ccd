import { Matcher, StreamStats, type TopicMatch } from "../../../shared/listening/match";
import { parse } from "../../../shared/listening/query";
import { type PreparedPost, preparePost } from "../../../shared/listening/text";
import type { Post } from "../../../shared/listening/types";

export interface TopicDefinition {
  id: string;
  query: string;
}

/** One organisation's compiled topics, tuned by the statistics of the posts it matches. */
export class OrganisationTopics {
  readonly matcher: Matcher;
  private sampled = 0;

  constructor(readonly stats = new StreamStats()) {
    this.matcher = new Matcher({ termCost: stats.cost });
  }

  /** Matches a post and learns from it; now and then moves topics off keys that turned out common. */
  match(post: Post): TopicMatch[] {
    const pp: PreparedPost = preparePost(post);
    const matches = this.matcher.size > 0 ? this.matcher.match(pp) : [];
    // Term frequencies from one post in eight are as good as from all, at an eighth of the cost.
    if (this.stats.postsSeen < 2_000 || (++this.sampled & 7) === 0) this.stats.observe(pp);
    const isHot = this.stats.review();
    if (isHot) this.matcher.reindex(isHot);
    return matches;
  }
}

/**
 * One compiled matcher per organisation: a post is only ever matched against its own
 * organisation's topics, and a topic change recompiles one query, not the whole index.
 */
export class TopicIndex {
  private readonly organisations = new Map<string, OrganisationTopics>();

  setTopics(organisationId: string, topics: TopicDefinition[]): string[] {
    // A full reload keeps what was learned about the stream.
    const fresh = new OrganisationTopics(this.organisations.get(organisationId)?.stats);
    const invalid: string[] = [];
    for (const topic of topics) if (!addTo(fresh.matcher, topic)) invalid.push(topic.id);
    this.organisations.set(organisationId, fresh);
    return invalid;
  }

  upsertTopic(organisationId: string, topic: TopicDefinition): boolean {
    return addTo(this.forOrganisation(organisationId).matcher, topic);
  }

  removeTopic(organisationId: string, topicId: string): void {
    this.organisations.get(organisationId)?.matcher.remove(topicId);
  }

  /** The organisation's topics (created on first use, so statistics build up even before topics exist). */
  forOrganisation(organisationId: string): OrganisationTopics {
    let topics = this.organisations.get(organisationId);
    if (!topics) {
      topics = new OrganisationTopics();
      this.organisations.set(organisationId, topics);
    }
    return topics;
  }
}

function addTo(matcher: Matcher, topic: TopicDefinition): boolean {
  const parsed = parse(topic.query);
  if (!parsed.ok) {
    // Stored queries were validated on save; a parser change could still reject one.
    matcher.remove(topic.id);
    return false;
  }
  matcher.add(topic.id, parsed.ast);
  return true;
}
