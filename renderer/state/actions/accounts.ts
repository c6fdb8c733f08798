// Events and their accounts: grouping documents as accounts of one event, changing and deleting an event (each one
// undoable step, whose notebookChanged brings the events), reading an event's alignment and its accounts' texts
// for the side-by-side view, a highlight's "also in", the comparison by account, and the Markdown export.
import type { AlsoIn, CallArgs, ParleyEvent } from '../../../shared/contract';
import type { AccountsFocus, AccountText } from '../accounts';
import { shownEvent } from '../accounts';
import type { Core } from '../core';
import type { Annotation } from '../../types';

export function accountActions(core: Core) {
  const { api, get, patchUi, setAccounts, fail, clearError, announce } = core;

  const eventName = (id: string) => get().notebook.events.find((e) => e.id === id)?.name ?? '';

  /** Groups documents as accounts of a new event; a refusal is thrown for the dialog to show. */
  async function createEvent(input: CallArgs<'createEvent'>): Promise<ParleyEvent> {
    clearError();
    const event = await api.createEvent(input);
    announce(`Grouped ${event.documentIds.length} accounts as “${event.name}”.`);
    return event;
  }

  /** Renames, re-dates or changes the accounts of an event; a refusal is thrown for the dialog to show. */
  async function updateEvent(input: CallArgs<'updateEvent'>): Promise<ParleyEvent> {
    clearError();
    const event = await api.updateEvent(input);
    announce(`Changed the event “${event.name}”.`);
    return event;
  }

  /** Deletes an event (its documents stay); the notice offers Undo. */
  async function deleteEvent(id: string): Promise<boolean> {
    clearError();
    const name = eventName(id);
    try {
      await api.deleteEvent({ id });
      announce(`Deleted the event “${name}”.`);
      return true;
    } catch (failure) {
      fail(failure);
      return false;
    }
  }

  /** Shows an event's accounts side by side, bringing a place level across the columns when one is given. */
  function showAccounts(eventId: string, focus: AccountsFocus | null = null): void {
    setAccounts((current) => ({
      ...current,
      eventId,
      alignment: current.alignment?.event.id === eventId ? current.alignment : null,
      focus,
      focusTick: current.focusTick + 1,
    }));
    patchUi({ view: 'accounts', error: null });
  }

  /** Brings a place of one account level across the columns (a statement clicked, an omission followed). */
  function focusAccounts(focus: AccountsFocus | null): void {
    setAccounts((current) => ({ ...current, focus, focusTick: current.focusTick + 1 }));
  }

  /**
   * Reads one account's text for its column: the open document's as it is shown, any other's from main (once while
   * a read of it is on its way: reading notes the document as opened, a step that would otherwise ask again).
   */
  const reads = new Map<string, Promise<AccountText>>();
  function readText(documentId: string): Promise<AccountText> {
    const open = get().open.document;
    if (open?.id === documentId) {
      return Promise.resolve({ documentId, text: open.text, blocks: open.blocks });
    }
    let read = reads.get(documentId);
    if (!read) {
      read = api
        .openDocument({ id: documentId })
        .then((opened) => ({ documentId, text: opened.document.text, blocks: opened.document.blocks }))
        .finally(() => reads.delete(documentId));
      reads.set(documentId, read);
    }
    return read;
  }

  /** Reads the shown event's alignment, and the texts of its accounts not read yet; a later read wins. */
  let aligning = 0;
  async function loadAlignment(): Promise<void> {
    const ticket = ++aligning;
    const event = shownEvent(get().accounts, get().notebook.events);
    if (!event) {
      setAccounts((current) => (current.alignment ? { ...current, alignment: null } : current));
      return;
    }
    try {
      const missing = event.documentIds.filter((id) => !get().accounts.texts.has(id));
      const [alignment, texts] = await Promise.all([
        api.alignAccounts({ eventId: event.id }),
        Promise.all(missing.map(readText)),
      ]);
      if (ticket !== aligning) return;
      setAccounts((current) => {
        if (texts.length === 0) return { ...current, alignment };
        const next = new Map(current.texts);
        for (const text of texts) next.set(text.documentId, text);
        return { ...current, alignment, texts: next };
      });
    } catch (failure) {
      if (ticket === aligning) fail(failure);
    }
  }

  /**
   * Where a highlight's statement is in the other accounts of its events. Asked once per highlight as it is, while
   * the events and documents stay as they are; a card shown again asks the same promise.
   */
  let alsoInCache: { events: unknown; documents: unknown; found: Map<string, Promise<AlsoIn[]>> } | null =
    null;
  function alsoIn(annotation: Annotation): Promise<AlsoIn[]> {
    const { events, documents } = get().notebook;
    if (!alsoInCache || alsoInCache.events !== events || alsoInCache.documents !== documents) {
      alsoInCache = { events, documents, found: new Map() };
    }
    const key = `${annotation.id}|${annotation.updatedAt}|${annotation.target.start}|${annotation.target.end}`;
    let found = alsoInCache.found.get(key);
    if (!found) {
      found = api.alsoIn({ annotationId: annotation.id });
      const cache = alsoInCache.found;
      // A refusal is not kept: the next card shown asks again.
      found.catch(() => cache.delete(key));
      cache.set(key, found);
    }
    return found;
  }

  /** Opens the other account where a highlight's statement is, its differences of wording marked. */
  function openAlsoIn(item: AlsoIn, from: string): void {
    showAccounts(item.eventId, {
      documentId: item.documentId,
      start: item.start,
      end: item.end,
      parts: item.parts,
      from,
    });
  }

  /** The comparison's columns: the parties (null), or the accounts of an event. */
  function chooseCompareColumns(eventId: string | null): void {
    setAccounts((current) =>
      current.compareEvent === eventId
        ? current
        : { ...current, compareEvent: eventId, accountComparison: null },
    );
  }

  let comparing = 0;
  async function loadAccountComparison(): Promise<void> {
    const ticket = ++comparing;
    const eventId = get().accounts.compareEvent;
    if (!eventId) return;
    const topicId = get().ui.compareTopic;
    try {
      const accountComparison = await api.compareAccounts(topicId ? { eventId, topicId } : { eventId });
      if (ticket === comparing) setAccounts((current) => ({ ...current, accountComparison }));
    } catch (failure) {
      if (ticket === comparing) fail(failure);
    }
  }

  /** Writes an event's aligned statements as Markdown tables, where main asks; the place is announced. */
  async function exportAccounts(eventId: string): Promise<void> {
    clearError();
    patchUi({ exportBusy: true });
    try {
      const result = await api.saveAccountsMarkdown({ eventId });
      if (result) announce(`Exported the accounts of “${eventName(eventId)}” to ${result.path}`);
    } catch (failure) {
      fail(failure);
    } finally {
      patchUi({ exportBusy: false });
    }
  }

  /**
   * The event an export with no event named means: the one the accounts view or the comparison shows, else the only
   * one; null when the reader must choose.
   */
  function eventInView(): string | null {
    const { ui, accounts, notebook } = get();
    if (ui.view === 'accounts') return shownEvent(accounts, notebook.events)?.id ?? null;
    if (ui.view === 'compare' && accounts.compareEvent) return accounts.compareEvent;
    return notebook.events.length === 1 ? notebook.events[0]!.id : null;
  }

  return {
    createEvent,
    updateEvent,
    deleteEvent,
    showAccounts,
    focusAccounts,
    loadAlignment,
    alsoIn,
    openAlsoIn,
    chooseCompareColumns,
    loadAccountComparison,
    exportAccounts,
    eventInView,
  };
}
