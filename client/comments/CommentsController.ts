import type { DocJSON } from '../../shared/schema'
import type { Editor } from '@tiptap/react'
import type { EditorState } from '@tiptap/pm/state'
import type { PersonSummary, ThreadStatus, ThreadView, WordingDecision } from '../../shared/api'
import type { Language } from '../../shared/language'
import type { MentionIds } from '../../shared/comments/mentions'
import type { Node as PMNode } from '@tiptap/pm/model'
import { outlineOf, type OutlineEntry } from '../../shared/numbering'
import { findPlaceNode, placesOf, type Place } from '../../shared/places'
import { api, RequestError } from '../api/http'
import type { CollabSession } from '../collab/session'
import { placeAt, passageOf, passageRanges, placeThreads, type Passage, type Placement } from './anchors'
import { sameMap } from './sameMap'
import { keepUnchanged } from './keepUnchanged'
import { samePanelPlacements } from './threadOrder'
import { debounced } from '../ui/debounced'
import { focusReturn } from './composeFocus'
import { positionInView } from './positionInView'
import { composingPlugin, composingPluginKey, showComposing } from './composingPlugin'
import { commentsPlugin, commentsPluginKey, currentHighlights, setActiveThread, setHighlights } from './commentsPlugin'

/** What the person is about to comment on. */
/** A new thread: on a passage, or (`article`, a name kept from when threads were on articles only) on a whole place. */
export type Composer = { kind: 'passage'; passage: Passage } | { kind: 'article'; articleId: string; heading: string; /** The comment's words to start from (a remark from Check the text). */ body?: string }

export type ComposeRefusal = 'empty' | 'notInArticle' | 'acrossArticles' | 'notReady'

/** A place threads may be on (shared/places.ts), with its position in the text. */
export interface PlaceInfo extends Place {
  order: number
}

export interface CommentsSnapshot {
  threads: ThreadView[]
  placements: ReadonlyMap<string, Placement>
  /** The places of the text (title, preamble, divisions, articles) in order, by id. */
  places: ReadonlyMap<string, PlaceInfo>
  loaded: boolean
  error: unknown
  composer: Composer | null
  /** Why the last "Comment" could not start a thread. */
  refusal: ComposeRefusal | null
  activeId: string | null
  /** Increases when a thread was opened from the text: the panel scrolls its card into view. */
  reveal: number
}

/** Placing highlights again after other remote changes, or while threads wait for their text: at most this often. */
const PLACE_EVERY_MS = 400
/**
 * After remote typing that every highlight was mapped through (commentsPlugin): at most this
 * often. Mapping is exact there; this only settles what it cannot tell, such as a passage's
 * edge between two equal characters.
 */
const SETTLE_EVERY_MS = 2000
/** Refreshes in a row asking the server to store threads found again by their quote, at most. */
const STORE_FOUND_TRIES = 3
/** Refreshing the panel's order and "on deleted text" after local typing: after this pause. */
const DERIVE_AFTER_MS = 250
/** A passage typed a moment ago may not be on the server yet: retry this often, this many times. */
const NOT_SYNCED_RETRY_MS = 400
const NOT_SYNCED_RETRIES = 10
/** Threads are fetched once the text has arrived, or after this long without it (offline: the error says so). */
const TEXT_WAIT_MS = 3000

/** The places of a text, by id, made once per outline (while people type in paragraphs, the outline stays the same). */
const placesOfOutline = new WeakMap<readonly OutlineEntry[], ReadonlyMap<string, PlaceInfo>>()

function placesById(doc: PMNode, language: Language): ReadonlyMap<string, PlaceInfo> {
  const outline = outlineOf(doc, language)
  const known = placesOfOutline.get(outline)
  if (known) return known
  const places = new Map<string, PlaceInfo>()
  for (const place of placesOf(doc, language)) places.set(place.id, { ...place, order: places.size })
  placesOfOutline.set(outline, places)
  return places
}

/**
 * The review threads of one open draft, outside React: fetched from the server, fetched again
 * on each "threads changed" message, placed in the text (highlights) and grouped for the panel.
 */
export class CommentsController {
  private snapshot: CommentsSnapshot = {
    threads: [],
    placements: new Map(),
    places: new Map(),
    loaded: false,
    error: null,
    composer: null,
    refusal: null,
    activeId: null,
    reveal: 0,
  }
  private readonly listeners = new Set<() => void>()
  private editor: Editor | null = null
  private detachEditor: (() => void) | null = null
  private readonly stopListening: () => void
  private fetching: Promise<void> | null = null
  private fetchAgain = false
  private placeTimer: ReturnType<typeof setTimeout> | undefined
  /** When the scheduled placement runs (Date.now() time). */
  private placeDue = 0
  private lastPlaced = 0
  private readonly deriveLater = debounced(() => this.derive(), DERIVE_AFTER_MS)
  private destroyed = false
  private textWait: ReturnType<typeof setTimeout> | undefined
  /** Gives focus back to where the open comment box was started from. */
  private returnFocus: (() => void) | null = null

  /** Stops waiting for the server to hold this browser's changes before storing threads found again. */
  private storeFoundWait: (() => void) | null = null
  /** Refreshes in a row that found threads again by their quote: bounded, should the server not find them. */
  private storeFoundTries = 0

  constructor(
    readonly docId: string,
    private readonly session: CollabSession,
    readonly language: Language,
  ) {
    // Fetched once the text has arrived (the session's first sync tells the listener, as every
    // reconnection does): before, every thread would be listed as on a deleted article, and
    // rendering them would hold up the text of a draft under review (~100 ms for 300 threads).
    this.stopListening = session.onThreadsChanged(() => void this.refresh())
    if (session.provider.synced) void this.refresh()
    else {
      this.textWait = setTimeout(() => {
        if (!this.snapshot.loaded && !this.fetching) void this.refresh()
      }, TEXT_WAIT_MS)
    }
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = (): CommentsSnapshot => this.snapshot

  /** The draft's text as this browser has it now (null before the editor is ready): what a file sent back is compared with. */
  currentText(): DocJSON | null {
    return (this.usableEditor()?.getJSON() as DocJSON | undefined) ?? null
  }

  private update(patch: Partial<CommentsSnapshot>): void {
    const composerBefore = this.snapshot.composer
    this.snapshot = { ...this.snapshot, ...patch }
    if (this.snapshot.composer !== composerBefore) this.markComposing()
    this.listeners.forEach((l) => l())
  }

  /** The passage of the comment being written, marked in the text (nothing for an article's). */
  private markComposing(): void {
    const editor = this.usableEditor()
    if (!editor) return
    const composer = this.snapshot.composer
    showComposing(editor.view, composer?.kind === 'passage' ? { from: composer.passage.from, to: composer.passage.to } : null)
  }

  /** Binds the editor: its highlights plugin, clicks on highlighted text, re-placing after changes. */
  attach(editor: Editor | null): void {
    this.detachEditor?.()
    this.detachEditor = null
    this.editor = editor
    if (!editor || editor.isDestroyed) return
    const plugin = commentsPlugin({
      relocator: passageRanges,
      onClickThreads: (ids) => {
        const open = ids.filter((id) => this.snapshot.threads.find((t) => t.id === id)?.status === 'open')
        if (open.length > 0) this.activate(open[0], { fromText: true })
      },
      onRemoteChange: (change) => this.schedulePlace(change === 'mapped' && !this.waitingForText() ? SETTLE_EVERY_MS : PLACE_EVERY_MS),
    })
    editor.registerPlugin(plugin)
    editor.registerPlugin(composingPlugin())
    const onTransaction = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (transaction.docChanged) this.deriveLater.call()
    }
    editor.on('transaction', onTransaction)
    this.detachEditor = () => {
      editor.off('transaction', onTransaction)
      if (!editor.isDestroyed) editor.unregisterPlugin([commentsPluginKey, composingPluginKey])
    }
    this.place()
  }

  /** Fetches the threads (once at a time; a notice during a fetch fetches again after it). */
  async refresh(): Promise<void> {
    if (this.fetching) {
      this.fetchAgain = true
      return this.fetching
    }
    this.fetching = (async () => {
      do {
        this.fetchAgain = false
        try {
          const threads = await api.listThreads(this.docId)
          if (this.destroyed) return
          this.update({ threads: keepUnchanged(this.snapshot.threads, threads), loaded: true, error: null })
          this.place()
        } catch (err) {
          if (this.destroyed) return
          this.update({ error: err, loaded: true })
        }
      } while (this.fetchAgain && !this.destroyed)
    })().finally(() => (this.fetching = null))
    return this.fetching
  }

  /** Resolves every anchor against the text and puts the highlights where they belong. */
  private place(): void {
    clearTimeout(this.placeTimer)
    this.placeTimer = undefined
    this.lastPlaced = Date.now()
    const editor = this.usableEditor()
    if (!editor) return
    const placements = placeThreads(editor.state, this.snapshot.threads)
    const highlights = this.snapshot.threads.flatMap((t) => {
      const p = placements.get(t.id)
      return p?.kind === 'passage' ? [{ threadId: t.id, from: p.from, to: p.to, resolved: t.status === 'resolved', anchor: p.anchor }] : []
    })
    setHighlights(editor.view, highlights, this.snapshot.activeId)
    this.derive(placements)
    if ([...placements.values()].some((p) => p.kind === 'passage' && p.found)) this.storeFound()
    else this.storeFoundTries = 0
  }

  /**
   * Threads found again by their quote here (their words were written anew: an article moved)
   * are found and stored so by the server as it lists them: asked once it holds this browser's
   * changes (a move made here), so that the threads stay on their words whatever is typed in
   * them before anyone opens the draft again.
   */
  private storeFound(): void {
    if (this.storeFoundWait || this.storeFoundTries >= STORE_FOUND_TRIES) return
    this.storeFoundTries++
    const whenStored = () => {
      if (this.session.syncState.kind !== 'saved' || !this.storeFoundWait) return
      this.storeFoundWait()
      this.storeFoundWait = null
      void this.refresh()
    }
    this.storeFoundWait = this.session.subscribe(whenStored)
    whenStored()
  }

  /** Whether a thread waits for text this browser has not received (the panel's kinds are always current). */
  private waitingForText(): boolean {
    for (const placement of this.snapshot.placements.values()) if (placement.kind === 'pending') return true
    return false
  }

  /** A placement at most `everyMs` after the last one (sooner if one is already due sooner). */
  private schedulePlace(everyMs: number): void {
    const due = this.lastPlaced + everyMs
    if (this.placeTimer !== undefined && this.placeDue <= due) return
    clearTimeout(this.placeTimer)
    this.placeDue = due
    this.placeTimer = setTimeout(() => this.place(), Math.max(0, due - Date.now()))
  }

  /**
   * The panel's view of where threads are, from the highlights as mapped through the edits since
   * they were placed (no anchor is resolved here): a passage whose highlight was deleted is
   * "on deleted text" until the next placement says otherwise.
   */
  private derive(resolved?: ReadonlyMap<string, Placement>): void {
    this.deriveLater.cancel()
    const editor = this.usableEditor()
    if (!editor) return
    const state = editor.state
    const places = placesById(state.doc, this.language)
    const previous = resolved ?? this.snapshot.placements
    const live = new Map(currentHighlights(state).map((h) => [h.threadId, h]))
    const placements = new Map<string, Placement>()
    let lookAgain = false
    for (const thread of this.snapshot.threads) {
      const before = previous.get(thread.id)
      const highlight = live.get(thread.id)
      if (highlight) placements.set(thread.id, { kind: 'passage', from: highlight.from, to: highlight.to, articleId: thread.articleId, anchor: highlight.anchor })
      else if (before?.kind === 'passage') {
        placements.set(thread.id, { kind: 'orphaned', articleId: thread.articleId })
        lookAgain = true
      } else if (before?.kind === 'orphaned' && places.has(thread.articleId) && !this.snapshot.places.has(thread.articleId)) {
        // Its place is back (an article cut, then pasted): its words may be too.
        placements.set(thread.id, before)
        lookAgain = true
      }
      else if (before?.kind === 'article' && !places.has(thread.articleId)) placements.set(thread.id, { kind: 'orphaned', articleId: thread.articleId })
      else if (before) placements.set(thread.id, before)
    }
    // A highlight gone with its words may be words written again under the same ids (an article
    // moved here, with Alt+Shift+↑/↓, or cut and pasted back): a placement looks for them by their
    // quote, as it does after a co-author's move. Words really deleted stay "on deleted text".
    if (lookAgain && !resolved) this.schedulePlace(0)
    // Re-placed while others type: a new snapshot is a React commit, which measures the
    // selection across the whole text. Only what the panel shows counts (not positions).
    if (samePanelPlacements(this.snapshot.threads, placements, this.snapshot.placements) && sameMap(places, this.snapshot.places)) return
    this.update({ placements, places })
  }

  private usableEditor(): Editor | null {
    const editor = this.editor
    return editor && !editor.isDestroyed && commentsPluginKey.getState(editor.state) ? editor : null
  }

  /**
   * "Comment": on the selected passage, or — with nothing selected — on the whole place the cursor
   * is in (an article, a heading, the title, the preamble). Returns false (and says why in the
   * snapshot) when there is nothing to comment on. `body`: words the comment starts with.
   */
  compose(articleId?: string, body?: string): boolean {
    const editor = this.usableEditor()
    if (!editor) return false
    // Before the box renders and takes focus; started again from inside the box, it keeps where it came from.
    const back = this.snapshot.composer && document.activeElement?.closest('.comment-composer') ? this.returnFocus : focusReturn(editor)
    const opened = this.openComposer(editor, articleId, body)
    if (opened) this.returnFocus = back
    return opened
  }

  private openComposer(editor: Editor, articleId?: string, body?: string): boolean {
    const state = editor.state
    if (articleId) {
      const info = this.snapshot.places.get(articleId)
      this.update({ composer: { kind: 'article', articleId, heading: info?.heading ?? '', body }, refusal: null })
      return true
    }
    const { from, to } = selectionOf(editor)
    if (from !== to) {
      const result = passageOf(state, from, to)
      if (!result.ok) {
        this.update({ refusal: result.reason })
        return false
      }
      this.update({ composer: { kind: 'passage', passage: result.passage }, refusal: null })
      return true
    }
    const place = placeAt(state, editor.isEditable ? from : positionInView(editor.view, from))
    if (!place) {
      this.update({ refusal: 'notInArticle' })
      return false
    }
    this.update({ composer: { kind: 'article', articleId: place.id, heading: place.heading }, refusal: null })
    return true
  }

  cancelCompose(): void {
    this.update({ composer: null, refusal: null })
    this.giveBackFocus()
  }

  private giveBackFocus(): void {
    const back = this.returnFocus
    this.returnFocus = null
    back?.()
  }

  /**
   * Starts the thread being composed, with a proposed wording for its passage if given; retries
   * while the passage's words are still on their way to the server.
   */
  async submit(body: string, mentions: MentionIds, proposal?: string): Promise<void> {
    const composer = this.snapshot.composer
    if (!composer) return
    const words = commentWords(body, mentions)
    const input =
      composer.kind === 'passage'
        ? { articleId: composer.passage.articleId, anchor: composer.passage.anchor, ...words, ...(proposal !== undefined ? { proposal } : {}) }
        : { articleId: composer.articleId, anchor: null, ...words }
    let thread: ThreadView | undefined
    for (let attempt = 0; !thread; attempt++) {
      try {
        thread = await api.createThread(this.docId, input)
      } catch (err) {
        if (!(err instanceof RequestError && err.code === 'anchor_not_synced') || attempt >= NOT_SYNCED_RETRIES) throw err
        await new Promise((resolve) => setTimeout(resolve, NOT_SYNCED_RETRY_MS))
      }
    }
    this.update({ composer: null, activeId: thread.id, threads: [...this.snapshot.threads.filter((t) => t.id !== thread.id), thread] })
    this.giveBackFocus()
    this.place()
    void this.refresh()
  }

  async reply(threadId: string, body: string, mentions: MentionIds): Promise<void> {
    this.replace(await api.reply(this.docId, threadId, commentWords(body, mentions)))
  }

  async edit(threadId: string, commentId: string, body: string, mentions: MentionIds): Promise<void> {
    this.replace(await api.editComment(this.docId, threadId, commentId, commentWords(body, mentions)))
  }

  /**
   * The people a comment may mention (those who may open the draft), asked of the server each time a
   * comment's box first needs them (useMentions keeps them for that box): someone given access
   * since the draft was opened is offered in the next box, without a reload.
   */
  people(): Promise<PersonSummary[]> {
    return api.listDocumentPeople(this.docId)
  }

  async remove(threadId: string, commentId: string): Promise<void> {
    const thread = await api.deleteComment(this.docId, threadId, commentId)
    if (thread) this.replace(thread)
    else {
      this.update({ threads: this.snapshot.threads.filter((t) => t.id !== threadId), activeId: this.snapshot.activeId === threadId ? null : this.snapshot.activeId })
      this.place()
    }
  }

  async setStatus(threadId: string, status: ThreadStatus): Promise<void> {
    this.replace(await api.setThreadStatus(this.docId, threadId, status))
  }

  /** An editor accepts (the wording goes into the text, on the server) or declines a proposed wording. */
  async decideWording(threadId: string, decision: WordingDecision): Promise<void> {
    this.replace(await api.decideWording(this.docId, threadId, decision))
  }

  private replace(thread: ThreadView): void {
    this.update({ threads: this.snapshot.threads.map((t) => (t.id === thread.id ? thread : t)) })
    this.place()
  }

  /**
   * Highlights a thread's passage (or article) and scrolls the text to it. `fromText`: opened from
   * its words, the panel brings its card into view and the text stays; `reveal`: the panel brings
   * its card into view too (opened from elsewhere: the text scrolls as well).
   */
  activate(threadId: string | null, options: { fromText?: boolean; reveal?: boolean } = {}): void {
    const reveal = options.fromText || options.reveal
    this.update({ activeId: threadId, reveal: reveal ? this.snapshot.reveal + 1 : this.snapshot.reveal })
    const editor = this.usableEditor()
    if (!editor) return
    setActiveThread(editor.view, threadId)
    if (!threadId || options.fromText) return
    const pos = this.positionOf(editor.state, threadId)
    if (pos === null) return
    const { node } = editor.view.domAtPos(Math.min(pos + 1, editor.state.doc.content.size))
    const element = node instanceof Element ? node : node.parentElement
    element?.scrollIntoView({ block: 'center', behavior: 'auto' })
  }

  /** Where a thread's words (or article) are now: the panel's placements keep only their order. */
  private positionOf(state: EditorState, threadId: string): number | null {
    const highlight = currentHighlights(state).find((h) => h.threadId === threadId)
    if (highlight) return highlight.from
    const placement = this.snapshot.placements.get(threadId)
    return placement?.kind === 'article' ? (findPlaceNode(state.doc, placement.articleId)?.pos ?? null) : null
  }

  /** Scrolls the text to a place (an article, a division's heading, the title or the preamble). */
  showPlace(placeId: string): void {
    const editor = this.usableEditor()
    const found = editor && findPlaceNode(editor.state.doc, placeId)
    if (!editor || !found) return
    const dom = editor.view.nodeDOM(found.pos)
    if (dom instanceof Element) dom.scrollIntoView({ block: 'start', behavior: 'auto' })
  }

  destroy(): void {
    this.destroyed = true
    clearTimeout(this.placeTimer)
    clearTimeout(this.textWait)
    this.deriveLater.cancel()
    this.stopListening()
    this.storeFoundWait?.()
    this.detachEditor?.()
    this.listeners.clear()
  }
}

/**
 * The selection in the text: the browser's own when it lies in the text (what the person sees;
 * the editor learns of a new one only at the next selectionchange event, and a read-only editor
 * may not at all), else the editor's (focus moved away, e.g. to the comment form).
 */
function selectionOf(editor: Editor): { from: number; to: number } {
  const view = editor.view
  const dom = window.getSelection()
  if (dom && dom.anchorNode && dom.focusNode && view.dom.contains(dom.anchorNode) && view.dom.contains(dom.focusNode)) {
    try {
      const a = view.posAtDOM(dom.anchorNode, dom.anchorOffset)
      const b = view.posAtDOM(dom.focusNode, dom.focusOffset)
      return { from: Math.min(a, b), to: Math.max(a, b) }
    } catch {
      // Not a position the editor knows (inside a widget): fall back to the editor's selection.
    }
  }
  const { from, to } = editor.state.selection
  return { from, to }
}

/** A comment's words and whom they mention, as the API takes them. */
function commentWords(body: string, mentions: MentionIds): { body: string; mentions: string[]; mentionedOrganizations: string[] } {
  return { body, mentions: mentions.people, mentionedOrganizations: mentions.organizations }
}
