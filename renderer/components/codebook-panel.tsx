// The Codebook: the topic tree with colours, descriptions and counts (a topic's own passages and its subtree's),
// path segments without a topic of their own shown as groups, and every change to a topic from the keyboard:
// rename or move by editing the path, recolour, describe, merge into another, delete, export. Main keeps each
// change in the undo history, so the panel says so instead of asking "are you sure?" for all but deletion and
// removing the unused topics.
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CallArgs } from '../../shared/contract';
import { errorMessage } from '../format';
import {
  buildTopicTree,
  comparePaths,
  normalizePath,
  unusedTopics,
  type TopicNode,
} from '../panels/topic-paths';
import type { TopicWithCount } from '../types';
import { Swatch } from './swatch';
import { UnusedTopics } from './unused-topics';
import '../panels/panels.css';

export interface CodebookPanelProps {
  topics: TopicWithCount[];
  /** Every passage's topics, so a passage tagged twice within a subtree counts once there. */
  annotationTopics: string[][];
  /** Each change is made by the store, which hears what it changed from main. */
  onUpdateTopic(args: CallArgs<'updateTopic'>): Promise<{ path: string }>;
  onMergeTopics(args: CallArgs<'mergeTopics'>): Promise<unknown>;
  onDeleteTopic(args: CallArgs<'deleteTopic'>): Promise<unknown>;
  onRemoveUnusedTopics(args: CallArgs<'removeUnusedTopics'>): Promise<unknown>;
  onClose(): void;
  announce(message: string): void;
  onExportTopic(topicId: string): void;
}

const UNDO_HINT = 'Undo with Ctrl+Z.';

/** What deleting a topic leaves behind, said plainly. */
function staying(n: number): string {
  if (n === 0) return 'No passage has it';
  return n === 1
    ? 'The passage tagged with it stays, without this topic'
    : `The ${n} passages tagged with it stay, without this topic`;
}

function passages(n: number): string {
  return n === 1 ? '1 passage' : `${n} passages`;
}

/** A colour an `<input type="color">` can show: `#rrggbb`, or a neutral grey when the topic has none. */
function colourValue(colour: string): string {
  const value = colour.trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(value);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  return /^#[0-9a-f]{6}$/.test(value) ? value : '#bbbbbb';
}

export function CodebookPanel(props: CodebookPanelProps) {
  const { topics, annotationTopics, onClose, announce, onExportTopic } = props;
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const treeRef = useRef<HTMLUListElement>(null);
  const focusAfter = useRef<string | null>(null);
  const headingId = useId();
  const hintId = useId();

  const tree = useMemo(() => buildTopicTree(topics, annotationTopics), [topics, annotationTopics]);
  const selected = topics.find((t) => t.id === selectedId) ?? null;
  const unused = useMemo(() => unusedTopics(topics), [topics]);

  useEffect(() => {
    if (selectedId && !selected) setSelectedId(null);
  }, [selectedId, selected]);

  // After a merge or a deletion the topic's row is gone: focus goes where the panel says it went.
  useEffect(() => {
    const id = focusAfter.current;
    if (!id) return;
    const target = treeRef.current?.querySelector<HTMLElement>(`[data-topic-id="${CSS.escape(id)}"]`);
    if (target) {
      focusAfter.current = null;
      target.focus();
    }
  });

  const run = async (action: () => Promise<string>, after?: () => void): Promise<boolean> => {
    if (busy) return false;
    setBusy(true);
    setError(null);
    try {
      const message = await action();
      after?.();
      announce(`${message} ${UNDO_HINT}`);
      return true;
    } catch (failure) {
      setError(errorMessage(failure));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const rowButtons = () => [...(treeRef.current?.querySelectorAll<HTMLElement>('[data-row-focus]') ?? [])];

  const onTreeKeyDown = (event: KeyboardEvent) => {
    const buttons = rowButtons();
    const at = buttons.indexOf(document.activeElement as HTMLElement);
    if (at < 0) return;
    let next: number | null = null;
    if (event.key === 'ArrowDown') next = Math.min(at + 1, buttons.length - 1);
    else if (event.key === 'ArrowUp') next = Math.max(at - 1, 0);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = buttons.length - 1;
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      const path = buttons[at]?.dataset.path;
      if (path) {
        const key = path.toLowerCase();
        const open = event.key === 'ArrowRight';
        setCollapsed((set) => {
          const copy = new Set(set);
          if (open) copy.delete(key);
          else copy.add(key);
          return copy;
        });
        event.preventDefault();
      }
      return;
    }
    if (next === null) return;
    event.preventDefault();
    buttons[next]?.focus();
  };

  const toggle = (node: TopicNode) =>
    setCollapsed((set) => {
      const key = node.path.toLowerCase();
      const copy = new Set(set);
      if (copy.has(key)) copy.delete(key);
      else copy.add(key);
      return copy;
    });

  return (
    <aside
      class="panel-body codebook"
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.isComposing && !event.defaultPrevented) {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <div class="drawer__head">
        <h2 class="drawer__title" id={headingId}>
          Codebook
        </h2>
        <button type="button" class="button button--quiet button--small" onClick={onClose}>
          Close
        </button>
      </div>
      <p class="drawer__hint" id={hintId}>
        {topics.length === 0
          ? 'No topics yet: they are made when you tag a highlight.'
          : `${topics.length === 1 ? '1 topic' : `${topics.length} topics`}. Choose one to rename, move, recolour, merge or delete it. Every change can be undone with Ctrl+Z.`}
      </p>
      <UnusedTopics
        unused={unused}
        busy={busy}
        undoHint={UNDO_HINT}
        onRemove={(topicIds) =>
          run(
            async () => {
              await props.onRemoveUnusedTopics({ topicIds });
              return topicIds.length === 1
                ? 'Removed 1 unused topic.'
                : `Removed ${topicIds.length} unused topics.`;
            },
            () => {
              // Focus goes to the first topic left, as the button it was on is gone.
              const gone = new Set(topicIds);
              const rest = topics.filter((t) => !gone.has(t.id)).sort((a, b) => comparePaths(a.path, b.path));
              focusAfter.current = rest[0]?.id ?? null;
            },
          )
        }
      />
      {topics.length > 0 && (
        <ul
          ref={treeRef}
          class="codebook__tree"
          aria-label="Topics"
          aria-describedby={hintId}
          onKeyDown={onTreeKeyDown}
        >
          {tree.map((node) => (
            <TreeNode
              key={node.path}
              node={node}
              collapsed={collapsed}
              selectedId={selectedId}
              onSelect={(id) => setSelectedId(id === selectedId ? null : id)}
              onToggle={toggle}
            />
          ))}
        </ul>
      )}
      {error && (
        <p class="alert" role="alert">
          {error}
        </p>
      )}
      {selected && (
        <TopicDetail
          key={selected.id}
          topic={selected}
          topics={topics}
          subtreeCount={findNode(tree, selected.path)?.subtreeCount ?? selected.count}
          busy={busy}
          onUpdate={(patch) =>
            run(async () => {
              const before = selected;
              const after = await props.onUpdateTopic({ id: before.id, ...patch });
              if (patch.path !== undefined && after.path !== before.path) {
                return `Topic ${before.path} is now ${after.path}.`;
              }
              return `Topic ${after.path} updated.`;
            })
          }
          onMerge={(intoId) => {
            const into = topics.find((t) => t.id === intoId);
            return run(
              async () => {
                await props.onMergeTopics({ fromId: selected.id, intoId });
                return `Merged ${selected.path} into ${into?.path ?? 'the other topic'}.`;
              },
              () => {
                setSelectedId(intoId);
                focusAfter.current = intoId;
              },
            );
          }}
          onDelete={() =>
            run(
              async () => {
                await props.onDeleteTopic({ id: selected.id });
                return `Deleted topic ${selected.path}; its passages stay.`;
              },
              () => {
                const rest = topics
                  .filter((t) => t.id !== selected.id)
                  .sort((a, b) => comparePaths(a.path, b.path));
                const next =
                  rest.find((t) => comparePaths(t.path, selected.path) > 0) ?? rest[rest.length - 1];
                setSelectedId(null);
                focusAfter.current = next?.id ?? null;
              },
            )
          }
          onExport={() => onExportTopic(selected.id)}
        />
      )}
    </aside>
  );
}

function findNode(nodes: readonly TopicNode[], path: string): TopicNode | null {
  const key = path.toLowerCase();
  for (const node of nodes) {
    if (node.path.toLowerCase() === key) return node;
    if (key.startsWith(`${node.path.toLowerCase()}/`)) return findNode(node.children, path);
  }
  return null;
}

function TreeNode(props: {
  node: TopicNode;
  collapsed: ReadonlySet<string>;
  selectedId: string | null;
  onSelect(id: string): void;
  onToggle(node: TopicNode): void;
}) {
  const { node, collapsed, selectedId, onSelect, onToggle } = props;
  const countId = useId();
  const open = !collapsed.has(node.path.toLowerCase());
  const topic = node.topic;
  const own = topic?.count ?? 0;
  const hasChildren = node.children.length > 0;
  const countText = hasChildren ? `${passages(own)}, ${node.subtreeCount} with subtopics` : passages(own);
  return (
    <li class="codebook__item">
      <div class="codebook__row">
        {hasChildren ? (
          <button
            type="button"
            class="codebook__toggle"
            aria-expanded={open}
            aria-label={`Subtopics of ${node.path}`}
            onClick={() => onToggle(node)}
          >
            {open ? '▾' : '▸'}
          </button>
        ) : (
          <span class="codebook__toggle-space" aria-hidden="true" />
        )}
        {topic ? (
          <button
            type="button"
            class="codebook__name"
            data-row-focus=""
            data-topic-id={topic.id}
            data-path={hasChildren ? node.path : undefined}
            aria-label={topic.path}
            aria-describedby={countId}
            aria-current={topic.id === selectedId ? 'true' : undefined}
            onClick={() => onSelect(topic.id)}
          >
            <Swatch colour={topic.colour} />
            <span>{node.name}</span>
          </button>
        ) : (
          <span
            class="codebook__group"
            tabIndex={-1}
            data-row-focus=""
            data-path={node.path}
            title={`${node.path} has no topic of its own`}
          >
            <span>{node.name}</span>
            <span class="visually-hidden"> (group)</span>
          </span>
        )}
        <span class="codebook__count" id={countId}>
          {topic ? countText : `${node.subtreeCount} with subtopics`}
        </span>
      </div>
      {topic?.description && <p class="codebook__description">{topic.description}</p>}
      {hasChildren && open && (
        <ul aria-label={`Under ${node.path}`}>
          {node.children.map((child) => (
            <TreeNode
              key={child.path}
              node={child}
              collapsed={collapsed}
              selectedId={selectedId}
              onSelect={onSelect}
              onToggle={onToggle}
            />
          ))}
        </ul>
      )}
    </li>
  );
}

interface Patch {
  path?: string;
  colour?: string;
  description?: string;
}

function TopicDetail(props: {
  topic: TopicWithCount;
  topics: TopicWithCount[];
  subtreeCount: number;
  busy: boolean;
  onUpdate(patch: Patch): Promise<boolean>;
  onMerge(intoId: string): Promise<boolean>;
  onDelete(): Promise<boolean>;
  onExport(): void;
}) {
  const { topic, topics, busy } = props;
  const [path, setPath] = useState(topic.path);
  const [colour, setColour] = useState(colourValue(topic.colour));
  const [description, setDescription] = useState(topic.description);
  const [mergeInto, setMergeInto] = useState('');
  const [confirming, setConfirming] = useState(false);
  const headingId = useId();
  const pathHintId = useId();
  const keepRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const subtopics = topics.filter(
    (t) => t.id !== topic.id && t.path.toLowerCase().startsWith(`${topic.path.toLowerCase()}/`),
  );
  const others = topics.filter((t) => t.id !== topic.id).sort((a, b) => comparePaths(a.path, b.path));
  const mergeTarget = others.some((t) => t.id === mergeInto) ? mergeInto : '';

  // Another change (an undo, a rename elsewhere) shows here as soon as the topic does.
  useEffect(() => setPath(topic.path), [topic.path]);
  useEffect(() => setColour(colourValue(topic.colour)), [topic.colour]);
  useEffect(() => setDescription(topic.description), [topic.description]);
  // Focus moves to Keep as the question appears, before anything else can be pressed in it.
  useLayoutEffect(() => {
    if (confirming) keepRef.current?.focus();
  }, [confirming]);

  const patch: Patch = {};
  const wantedPath = normalizePath(path);
  if (wantedPath && wantedPath !== topic.path) patch.path = wantedPath;
  if (colour !== colourValue(topic.colour)) patch.colour = colour;
  if (description !== topic.description) patch.description = description;
  const changed = Object.keys(patch).length > 0;

  return (
    <section class="codebook__detail" aria-labelledby={headingId}>
      <h3 id={headingId}>Topic {topic.path}</h3>
      <form
        class="codebook__form"
        onSubmit={(event) => {
          event.preventDefault();
          if (changed && !busy) void props.onUpdate(patch);
        }}
      >
        <label class="field">
          <span class="field__label">Path</span>
          <input
            class="input"
            type="text"
            value={path}
            maxLength={200}
            autocomplete="off"
            spellcheck={false}
            aria-describedby={pathHintId}
            onInput={(event) => setPath(event.currentTarget.value)}
          />
        </label>
        <p class="drawer__hint" id={pathHintId}>
          A new path renames the topic; another parent (e.g. <code>iran/{topic.path.split('/').pop()}</code>)
          moves it
          {subtopics.length
            ? `, with its ${subtopics.length === 1 ? 'subtopic' : `${subtopics.length} subtopics`}`
            : ''}
          .
        </p>
        <div class="codebook__row-actions">
          <label class="field">
            <span class="field__label">Colour</span>
            <input
              class="codebook__colour"
              type="color"
              value={colour}
              onInput={(event) => setColour(event.currentTarget.value)}
            />
          </label>
        </div>
        <label class="field">
          <span class="field__label">Description</span>
          <textarea
            class="input"
            rows={2}
            value={description}
            maxLength={4000}
            onInput={(event) => setDescription(event.currentTarget.value)}
          />
        </label>
        <div class="codebook__row-actions">
          <button type="submit" class="button button--primary button--small" disabled={!changed || busy}>
            Save changes
          </button>
          <button
            type="button"
            class="button button--small"
            disabled={!changed || busy}
            onClick={() => {
              setPath(topic.path);
              setColour(colourValue(topic.colour));
              setDescription(topic.description);
            }}
          >
            Reset
          </button>
        </div>
      </form>
      <p class="drawer__count">
        {passages(topic.count)}
        {subtopics.length > 0 ? `; ${props.subtreeCount} with its subtopics` : ''}
      </p>
      {others.length > 0 && (
        <div class="codebook__row-actions">
          <label class="field">
            <span class="field__label">Merge into</span>
            <select class="select" value={mergeTarget} onChange={(e) => setMergeInto(e.currentTarget.value)}>
              <option value="">Choose a topic…</option>
              {others.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.path}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            class="button button--small"
            disabled={!mergeTarget || busy}
            onClick={() => void props.onMerge(mergeTarget)}
          >
            Merge
          </button>
        </div>
      )}
      <div class="codebook__row-actions">
        <button type="button" class="button button--small" onClick={props.onExport}>
          Export topic…
        </button>
        <button
          type="button"
          class="button button--small button--danger"
          ref={deleteRef}
          disabled={busy}
          aria-expanded={confirming}
          onClick={() => setConfirming(true)}
        >
          Delete topic…
        </button>
      </div>
      {confirming && (
        <div
          class="codebook__confirm"
          role="group"
          aria-label={`Delete ${topic.path}?`}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              event.stopPropagation();
              setConfirming(false);
              deleteRef.current?.focus();
            }
          }}
        >
          <p>
            Delete “{topic.path}”? {staying(topic.count)}
            {subtopics.length ? '; its subtopics stay too' : ''}. {UNDO_HINT}
          </p>
          <div class="codebook__row-actions">
            <button
              type="button"
              class="button button--small button--danger"
              disabled={busy}
              onClick={() => void props.onDelete()}
            >
              Delete
            </button>
            <button
              type="button"
              class="button button--small"
              ref={keepRef}
              onClick={() => {
                setConfirming(false);
                deleteRef.current?.focus();
              }}
            >
              Keep
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
