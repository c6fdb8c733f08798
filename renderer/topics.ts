// Which highlights a topic filter keeps and which colour paints each: a filter on `iran` keeps `iran/nuclear`
// too, and a passage is painted in the colour of the topic that made it visible.
import type { Annotation, TopicWithCount } from './types';

export const ALL_TOPICS = '';
export const UNTAGGED = '#untagged';

export type TopicMap = ReadonlyMap<string, TopicWithCount>;

function within(topic: TopicWithCount | undefined, filter: TopicWithCount): boolean {
  return !!topic && (topic.path === filter.path || topic.path.startsWith(`${filter.path}/`));
}

export function matchesFilter(annotation: Annotation, filter: string, topics: TopicMap): boolean {
  if (filter === ALL_TOPICS) return true;
  const known = annotation.topicIds.filter((id) => topics.has(id));
  if (filter === UNTAGGED) return known.length === 0;
  const selected = topics.get(filter);
  if (!selected) return true;
  return known.some((id) => within(topics.get(id), selected));
}

export function paintColour(annotation: Annotation, filter: string, topics: TopicMap): string | null {
  const selected = topics.get(filter);
  const ids = selected
    ? annotation.topicIds.filter((id) => within(topics.get(id), selected))
    : annotation.topicIds;
  for (const id of ids) {
    const topic = topics.get(id);
    if (topic?.colour) return topic.colour;
  }
  return null;
}
