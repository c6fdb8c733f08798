// Topic paths as the panels read them: the spelling main will store (so the combobox can tell an existing topic
// from a new one before asking), the codebook's order, completion by substring, and the tree the codebook draws,
// with groups for path segments that have no topic of their own.
import type { TopicWithCount } from '../types';

/** The same spelling main/core/topics.ts stores: spaces around slashes, blank segments and end slashes go. */
export function normalizePath(path: string): string {
  return path
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(/\s*\/\s*/g, '/')
    .trim()
    .replace(/\/{2,}/g, '/')
    .replace(/^\/|\/$/g, '');
}

/** Paths name the same topic regardless of case. */
export function pathKey(path: string): string {
  return normalizePath(path).toLowerCase();
}

/** Codebook order: segment by segment, so `iran` is followed by `iran/nuclear` before `iran-deal`. */
export function comparePaths(a: string, b: string): number {
  const left = a.split('/');
  const right = b.split('/');
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const byName = left[i]!.localeCompare(right[i]!, 'en', { sensitivity: 'base', numeric: true });
    if (byName !== 0) return byName;
  }
  if (left.length !== right.length) return left.length - right.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether `path` is `ancestor` or lies under it. */
export function withinPath(path: string, ancestor: string): boolean {
  const p = path.toLowerCase();
  const a = ancestor.toLowerCase();
  return p === a || p.startsWith(`${a}/`);
}

export interface TopicMatches<T extends { id: string; path: string }> {
  /** Topics whose path contains the query, best first. */
  matches: T[];
  /** The topic whose path is exactly the query (in any case), chosen or not. */
  exact: T | null;
}

/**
 * Topics whose path contains what was typed, leaving out those already chosen: an exact match first, then paths
 * where the query starts a segment, then the rest, each in codebook order.
 */
export function matchTopics<T extends { id: string; path: string }>(
  topics: readonly T[],
  query: string,
  exclude: ReadonlySet<string>,
  limit = 50,
): TopicMatches<T> {
  const key = pathKey(query);
  const exact = key ? (topics.find((t) => t.path.toLowerCase() === key) ?? null) : null;
  const rank = (path: string): number => {
    const lower = path.toLowerCase();
    if (lower === key) return 0;
    if (lower.startsWith(key) || lower.includes(`/${key}`)) return 1;
    return 2;
  };
  const matches = topics
    .filter((t) => !exclude.has(t.id) && (!key || t.path.toLowerCase().includes(key)))
    .sort((a, b) => rank(a.path) - rank(b.path) || comparePaths(a.path, b.path))
    .slice(0, limit);
  return { matches, exact };
}

export interface TopicNode {
  /** The full path of this node, topic or group. */
  path: string;
  /** The last segment, as shown in the tree. */
  name: string;
  /** Null for a group: a path segment no topic has been made for. */
  topic: TopicWithCount | null;
  children: TopicNode[];
  depth: number;
  /** Passages under this node (its own and its descendants'), each counted once. */
  subtreeCount: number;
}

/**
 * The codebook as a tree. `annotationTopics` (each passage's topic ids) counts passages in a subtree once even
 * when they carry several of its topics; without it, the subtree count is the sum of the topics' own counts.
 */
export function buildTopicTree(
  topics: readonly TopicWithCount[],
  annotationTopics?: ReadonlyArray<readonly string[]>,
): TopicNode[] {
  const roots: TopicNode[] = [];
  const byKey = new Map<string, TopicNode>();
  const sorted = [...topics].sort((a, b) => comparePaths(a.path, b.path));
  for (const topic of sorted) {
    const segments = topic.path.split('/');
    let siblings = roots;
    for (let i = 0; i < segments.length; i++) {
      const path = segments.slice(0, i + 1).join('/');
      const key = path.toLowerCase();
      let node = byKey.get(key);
      if (!node) {
        node = { path, name: segments[i]!, topic: null, children: [], depth: i + 1, subtreeCount: 0 };
        byKey.set(key, node);
        siblings.push(node);
      }
      if (i === segments.length - 1 && !node.topic) node.topic = topic;
      siblings = node.children;
    }
  }
  if (annotationTopics) {
    const pathOf = new Map(topics.map((t) => [t.id, t.path.toLowerCase()]));
    for (const ids of annotationTopics) {
      const keys = new Set<string>();
      for (const id of ids) {
        const path = pathOf.get(id);
        if (!path) continue;
        const segments = path.split('/');
        for (let i = 1; i <= segments.length; i++) keys.add(segments.slice(0, i).join('/'));
      }
      for (const key of keys) {
        const node = byKey.get(key);
        if (node) node.subtreeCount++;
      }
    }
  } else {
    const sum = (node: TopicNode): number => {
      node.subtreeCount = (node.topic?.count ?? 0) + node.children.reduce((n, c) => n + sum(c), 0);
      return node.subtreeCount;
    };
    roots.forEach(sum);
  }
  return roots;
}

/** The tree's nodes in reading order, skipping the children of collapsed nodes. */
export function visibleNodes(roots: readonly TopicNode[], collapsed: ReadonlySet<string>): TopicNode[] {
  const out: TopicNode[] = [];
  const walk = (nodes: readonly TopicNode[]) => {
    for (const node of nodes) {
      out.push(node);
      if (!collapsed.has(node.path.toLowerCase())) walk(node.children);
    }
  };
  walk(roots);
  return out;
}

/** Topic ids of `topicId` and every topic under it. */
export function subtreeIds(topics: readonly TopicWithCount[], topicId: string): string[] {
  const root = topics.find((t) => t.id === topicId);
  if (!root) return [];
  return topics.filter((t) => withinPath(t.path, root.path)).map((t) => t.id);
}

/**
 * Topics nothing uses: no passage has the topic nor any topic below it (main's codebook applies the same rule
 * before it removes them), in codebook order.
 */
export function unusedTopics(topics: readonly TopicWithCount[]): TopicWithCount[] {
  const inUse = topics.filter((t) => t.count > 0);
  return topics
    .filter((topic) => !inUse.some((t) => withinPath(t.path, topic.path)))
    .sort((a, b) => comparePaths(a.path, b.path));
}
