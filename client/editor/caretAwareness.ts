import type { Awareness } from 'y-protocols/awareness'
import { nextTask } from '../ui/afterFrame'

type Change = { added: number[]; updated: number[]; removed: number[] }
type Listener = (change: Change, origin: unknown) => void

/**
 * The awareness as the caret plugin should see it. The plugin answers every 'change' with a
 * transaction of its own (a whole view update, every remote caret resolved again), even for our
 * own caret, which it does not draw and which moves with every keystroke. Here our own changes
 * are not passed on, and remote ones in a task of their own: one caret transaction for however
 * many carets moved meanwhile (a batch of co-authors' changes handed on after a keystroke's
 * frame brings several). Not in an animation frame: asking for one makes Chromium produce a
 * frame, a whole frame's work for each caret a co-author moves, off screen too; a caret drawn
 * on screen changes the page, which gets its frame anyway.
 */
export function caretAwareness(awareness: Awareness): Awareness {
  const wrapped = new Map<Listener, Listener>()
  const own = (change: Change) =>
    [change.added, change.updated, change.removed].every((ids) => ids.every((id) => id === awareness.clientID))
  const on = (event: string, listener: Listener) => {
    if (event !== 'change') return awareness.on(event, listener)
    let due: { change: Change; origin: unknown } | null = null
    const perTask: Listener = (change, origin) => {
      if (own(change)) return
      if (due === null) {
        nextTask(() => {
          const { change: last, origin: from } = due!
          due = null
          listener(last, from) // the plugin reads the states, not the change
        })
      }
      due = { change, origin }
    }
    wrapped.set(listener, perTask)
    awareness.on('change', perTask)
  }
  const off = (event: string, listener: Listener) => {
    awareness.off(event, wrapped.get(listener) ?? listener)
    wrapped.delete(listener)
  }
  // The plugin sets our caret again after every remote change, to the same relative positions
  // as a rule (they are anchored to the text): an unchanged caret is not set again.
  const setLocalStateField = (field: string, value: unknown) => {
    if (field === 'cursor' && JSON.stringify(value) === JSON.stringify(awareness.getLocalState()?.cursor ?? null)) return
    awareness.setLocalStateField(field, value)
  }
  return new Proxy(awareness, {
    get(target, key) {
      if (key === 'on') return on
      if (key === 'off') return off
      if (key === 'setLocalStateField') return setLocalStateField
      const value: unknown = Reflect.get(target, key, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}
