import { useEffect, useMemo, useState } from 'react'
import { useStoreValue } from '../ui/useStoreValue'
import type { Editor } from '@tiptap/react'
import type { Language } from '../../shared/language'
import type { Role } from '../../shared/roles'
import type { CollabSession } from '../collab/session'
import { CommentsController } from './CommentsController'
import { useOnChange } from '../ui/useOnChange'

/** "Comment" from the keyboard; works in a read-only editor too (the listener is on the window). */
export const COMMENT_SHORTCUT = 'Mod-Alt-m'

function isCommentShortcut(e: KeyboardEvent): boolean {
  const mod = /Mac|iPhone|iPad/.test(navigator.platform) ? e.metaKey : e.ctrlKey
  // With Alt held, e.key is another character on some layouts: the physical key decides.
  return mod && e.altKey && !e.shiftKey && e.code === 'KeyM'
}

/**
 * The review threads of the open draft: one controller per collaboration session, bound to the
 * editor once it exists, and the comment shortcut while the person may comment. When the person's
 * role changes the threads are fetched again: what each comment offers (edit, delete, resolve) is
 * the server's answer for the role it was fetched with.
 */
export function useCommentsController(
  docId: string,
  session: CollabSession | null,
  editor: Editor | null,
  language: Language,
  options: { role: Role | null; canComment: boolean; onCompose: () => void },
): CommentsController | null {
  const [controller, setController] = useState<CommentsController | null>(null)
  const { role, canComment, onCompose } = options

  useEffect(() => {
    if (!session) return
    const created = new CommentsController(docId, session, language)
    setController(created)
    return () => {
      created.destroy()
      setController(null)
    }
  }, [docId, session, language])

  useEffect(() => {
    if (!controller) return
    controller.attach(editor)
    return () => controller.attach(null)
  }, [controller, editor])

  // Not before the first fetch (it waits for the text), nor once access has ended (no role).
  useOnChange(role, (before, now) => {
    if (controller?.getSnapshot().loaded && before && now) void controller.refresh()
  })

  useEffect(() => {
    if (!controller || !canComment) return
    const onKey = (e: KeyboardEvent) => {
      if (!isCommentShortcut(e)) return
      e.preventDefault()
      controller.compose()
      onCompose()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [controller, canComment, onCompose])

  return controller
}

/** Open threads per article (for the outline) and in all. */
export function useOpenThreadCounts(controller: CommentsController | null): { byArticle: ReadonlyMap<string, number>; total: number } {
  const threads = useStoreValue(controller, (c) => c.getSnapshot().threads, null)
  return useMemo(() => {
    const byArticle = new Map<string, number>()
    let total = 0
    for (const thread of threads ?? []) {
      if (thread.status !== 'open') continue
      byArticle.set(thread.articleId, (byArticle.get(thread.articleId) ?? 0) + 1)
      total++
    }
    return { byArticle, total }
  }, [threads])
}
