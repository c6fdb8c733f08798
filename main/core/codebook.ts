/**
 * Reshaping the codebook: rename or move a topic (its subtopics follow), merge one topic into another, delete one,
 * clear away the topics nothing uses, and make the topics a highlight is saved with in the same step as the save.
 * Topics form a tree by path only: `iran/nuclear` is a child of `iran` whether or not a topic `iran` exists. Each
 * operation checks everything before it changes anything, so a refused call leaves the notebook as it was.
 */
import { ParleyError, type Notebook, type Topic } from '../../shared/model';
import { MAX_DESCRIPTION_LENGTH, MAX_TOPICS_PER_ANNOTATION } from '../../shared/limits';
import { createTopic } from './notebook';
import { MAX_TOPIC_PATH_LENGTH, normalizeColour, normalizeTopicPath, topicPathKey } from './topics';

function notFound(id: string): ParleyError {
  return new ParleyError(
    `There is no topic with id "${String(id).slice(0, 100)}" in this notebook.`,
    'not-found',
  );
}

function invalid(message: string): ParleyError {
  return new ParleyError(message, 'invalid');
}

function findTopic(nb: Notebook, id: string): Topic {
  const topic = nb.topics.find((t) => t.id === id);
  if (!topic) throw notFound(id);
  return topic;
}

function segmentKeys(path: string): string[] {
  return path.split('/').map(topicPathKey);
}

/** Whether `path` is `ancestor` itself (when `orSelf`) or lies below it, comparing segments regardless of case. */
function isUnder(path: string, ancestor: string, orSelf: boolean): boolean {
  const inner = segmentKeys(path);
  const outer = segmentKeys(ancestor);
  if (inner.length < outer.length || (!orSelf && inner.length === outer.length)) return false;
  return outer.every((key, i) => inner[i] === key);
}

/** `path` with its first `depth` segments replaced by `prefix`. */
function reroot(path: string, depth: number, prefix: string): string {
  return [prefix, ...path.split('/').slice(depth)].join('/');
}

/**
 * The new paths for `moving` (topic id → path), refused when one is too long or would take the path of a topic
 * that is not itself moving away (`leaving` topics are gone afterwards and free their paths).
 */
function checkMoves(
  nb: Notebook,
  moving: Map<string, string>,
  leaving: ReadonlySet<string> = new Set(),
): void {
  for (const path of moving.values()) {
    if (path.length > MAX_TOPIC_PATH_LENGTH) {
      throw invalid(
        `The topic would become "${path.slice(0, 80)}…", longer than ${MAX_TOPIC_PATH_LENGTH} characters: choose a shorter path.`,
      );
    }
  }
  const staying = new Map<string, Topic>();
  for (const topic of nb.topics) {
    if (!moving.has(topic.id) && !leaving.has(topic.id)) staying.set(topicPathKey(topic.path), topic);
  }
  for (const path of moving.values()) {
    const taken = staying.get(topicPathKey(path));
    if (taken) {
      throw new ParleyError(
        `There is already a topic "${taken.path}": merge the two topics instead, or choose another path.`,
        'conflict',
      );
    }
  }
}

/**
 * Edits a topic's path, colour or description. A new path renames or moves the topic and its whole subtree: each
 * subtopic keeps its place below it (`iran/nuclear` → `persia/nuclear` when `iran` becomes `persia`). Refuses a
 * path another topic outside the subtree already has (in any case), and moving a topic below itself.
 */
export function updateTopic(
  nb: Notebook,
  patch: { id: string; path?: string; colour?: string; description?: string },
): Topic {
  const topic = findTopic(nb, patch.id);
  const colour = patch.colour === undefined ? undefined : normalizeColour(patch.colour);
  let description: string | undefined;
  if (patch.description !== undefined) {
    if (typeof patch.description !== 'string') throw invalid('A topic description must be text.');
    description = patch.description.trim();
    if (description.length > MAX_DESCRIPTION_LENGTH) {
      throw invalid(`A topic description can be at most ${MAX_DESCRIPTION_LENGTH} characters long.`);
    }
  }
  const moving = new Map<string, string>();
  if (patch.path !== undefined) {
    const path = normalizeTopicPath(patch.path);
    if (path !== topic.path) {
      if (isUnder(path, topic.path, false)) {
        throw invalid(`"${topic.path}" cannot move below itself, to "${path}".`);
      }
      const depth = topic.path.split('/').length;
      for (const t of nb.topics) {
        if (isUnder(t.path, topic.path, true))
          moving.set(t.id, t.id === topic.id ? path : reroot(t.path, depth, path));
      }
      checkMoves(nb, moving);
    }
  }
  for (const t of nb.topics) {
    const path = moving.get(t.id);
    if (path !== undefined) t.path = path;
  }
  if (colour !== undefined) topic.colour = colour;
  if (description !== undefined) topic.description = description;
  return topic;
}

/**
 * Folds `from` into `into`: every passage tagged `from` is tagged `into` in its place (once: a passage that has
 * both keeps `into` where it was), and `from` is removed. Subtopics of `from` move below `into` keeping their
 * relative paths (`iran/nuclear` → `middle-east/nuclear` when `iran` merges into `middle-east`). Refuses merging a
 * topic into itself or into one of its own subtopics, and a move that would take an existing topic's path.
 */
export function mergeTopics(nb: Notebook, input: { fromId: string; intoId: string }): Topic {
  const from = findTopic(nb, input.fromId);
  const into = findTopic(nb, input.intoId);
  if (from.id === into.id)
    throw invalid('A topic cannot be merged into itself: choose two different topics.');
  if (isUnder(into.path, from.path, false)) {
    throw invalid(`"${from.path}" cannot be merged into its own subtopic "${into.path}".`);
  }
  const depth = from.path.split('/').length;
  const moving = new Map<string, string>();
  for (const t of nb.topics) {
    if (isUnder(t.path, from.path, false)) moving.set(t.id, reroot(t.path, depth, into.path));
  }
  checkMoves(nb, moving, new Set([from.id]));

  for (const annotation of nb.annotations) {
    if (!annotation.topicIds.includes(from.id)) continue;
    const hasInto = annotation.topicIds.includes(into.id);
    annotation.topicIds = annotation.topicIds.flatMap((id) =>
      id !== from.id ? [id] : hasInto ? [] : [into.id],
    );
  }
  for (const t of nb.topics) {
    const path = moving.get(t.id);
    if (path !== undefined) t.path = path;
  }
  nb.topics.splice(
    nb.topics.findIndex((t) => t.id === from.id),
    1,
  );
  return into;
}

/**
 * Removes a topic. Its passages stay, with their other topics, party, note and links; they just no longer carry
 * it. Its subtopics stay as they are, paths unchanged (`iran/nuclear` remains when `iran` goes: the tree is by
 * path, so it is still listed under `iran`).
 */
export function deleteTopic(nb: Notebook, id: string): { id: string } {
  const topic = findTopic(nb, id);
  for (const annotation of nb.annotations) {
    if (annotation.topicIds.includes(id)) annotation.topicIds = annotation.topicIds.filter((t) => t !== id);
  }
  nb.topics.splice(
    nb.topics.findIndex((t) => t.id === topic.id),
    1,
  );
  return { id };
}

/**
 * The topics nothing uses: no passage carries the topic, nor any topic below it in the tree (so `iran` stays while
 * `iran/nuclear` has passages, keeping its colour and description for the subtree). In codebook order of `nb`.
 */
export function unusedTopics(nb: Notebook): Topic[] {
  const used = new Set(nb.annotations.flatMap((a) => a.topicIds));
  const inUse = nb.topics.filter((t) => used.has(t.id));
  return nb.topics.filter((topic) => !inUse.some((t) => isUnder(t.path, topic.path, true)));
}

/**
 * Removes the topics named, all of them or none: each must exist and be unused (see unusedTopics), so a list
 * confirmed in the codebook that has since gone stale is refused rather than taking a topic a passage now has.
 */
export function removeUnusedTopics(nb: Notebook, topicIds: readonly string[]): { topicIds: string[] } {
  const ids = [...new Set(topicIds)];
  for (const id of ids) findTopic(nb, id);
  const unused = new Set(unusedTopics(nb).map((t) => t.id));
  const used = ids.find((id) => !unused.has(id));
  if (used !== undefined) {
    throw new ParleyError(
      `The topic "${findTopic(nb, used).path}" is in use now (a passage or a subtopic's passage has it), so no topic was removed.`,
      'conflict',
    );
  }
  const removing = new Set(ids);
  nb.topics = nb.topics.filter((t) => !removing.has(t.id));
  return { topicIds: ids };
}

/**
 * `topicIds` followed by the topics `paths` name, made where no topic has that path yet (in any case) and found
 * where one has: how a highlight editor's new topics come into being only when the highlight is saved, in the same
 * step of undo. Refuses more topics than a highlight can carry; blank or overlong paths as createTopic does.
 */
export function withNewTopics(
  nb: Notebook,
  topicIds: readonly string[],
  paths: readonly string[] = [],
): string[] {
  const normalized = paths.map(normalizeTopicPath);
  const count = new Set([...topicIds, ...normalized.map((p) => `path:${topicPathKey(p)}`)]).size;
  if (count > MAX_TOPICS_PER_ANNOTATION) {
    throw invalid(`A highlight can carry at most ${MAX_TOPICS_PER_ANNOTATION} topics.`);
  }
  const ids = [...topicIds];
  for (const path of normalized) ids.push(createTopic(nb, { path }).id);
  return [...new Set(ids)];
}
