import type { Awareness } from 'y-protocols/awareness'

type Change = { added: number[]; updated: number[]; removed: number[] }
type Listener = (change: Change, origin: unknown) => void

/**
 * The awareness as the caret plugin should see it. The plugin answers every 'change' with a
 * transaction of its own (a whole view update, every remote caret resolved again), even for our
 * own caret, which it does not draw and which moves with every keystroke. Here our own changes
 * are not passed on, and remote ones at most once per animation frame: one caret transaction
 * for however many carets moved, in the task after the frame rather than before it.
 */
export function caretAwareness(awareness: Awareness): Awareness {
  const wrapped = new Map<Listener, Listener>()
  const own = (change: Change) =>
    [change.added, change.updated, change.removed].every((ids) => ids.every((id) => id === awareness.clientID))
  const on = (event: string, listener: Listener) => {
    if (event !== 'change') return awareness.on(event, listener)
    let due: { change: Change; origin: unknown } | null = null
    const perFrame: Listener = (change, origin) => {
      if (own(change)) return
      if (due === null) {
        requestAnimationFrame(() => {
          const { change: last, origin: from } = due!
          due = null
          listener(last, from) // the plugin reads the states, not the change
        })
      }
      due = { change, origin }
    }
    wrapped.set(listener, perFrame)
    awareness.on('change', perFrame)
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
