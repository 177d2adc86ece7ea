/**
 * Pairs old and new items by stable id. Items without an id (or repeating an id already
 * seen, which a concurrent edit can briefly produce) are paired by their order among such
 * items, which is right for the usual case of an id-less item edited in place.
 */
export interface Matching {
  /** For each new item, the index of its old counterpart, or -1 when it was added. */
  afterToBefore: number[]
  /** For each old item, the index of its new counterpart, or -1 when it was deleted. */
  beforeToAfter: number[]
}

export function matchById<T>(before: readonly T[], after: readonly T[], idOf: (item: T) => string | null): Matching {
  const afterToBefore = new Array<number>(after.length).fill(-1)
  const beforeToAfter = new Array<number>(before.length).fill(-1)
  const byId = new Map<string, number>()
  const anonymousBefore: number[] = []
  before.forEach((item, i) => {
    const id = idOf(item)
    if (id !== null && !byId.has(id)) byId.set(id, i)
    else anonymousBefore.push(i)
  })
  const seen = new Set<string>()
  let anonymous = 0
  after.forEach((item, j) => {
    const id = idOf(item)
    let i = -1
    if (id !== null && !seen.has(id)) {
      seen.add(id)
      i = byId.get(id) ?? -1
    } else if (anonymous < anonymousBefore.length) {
      i = anonymousBefore[anonymous++]
    }
    if (i >= 0) {
      afterToBefore[j] = i
      beforeToAfter[i] = j
    }
  })
  return { afterToBefore, beforeToAfter }
}

/** One step of a reading order over both versions: an old item, a new item, or a matched pair. */
export interface Paired {
  before: number
  after: number
}

/**
 * Reading order for showing both versions at once: new order, with each deleted item placed
 * just before the first new item whose old counterpart came after it, i.e. where it stood.
 */
export function readingOrder(matching: Matching): Paired[] {
  const { afterToBefore, beforeToAfter } = matching
  const out: Paired[] = []
  let flushed = 0
  const flushDeletedBefore = (limit: number) => {
    for (; flushed < limit; flushed++) if (beforeToAfter[flushed] < 0) out.push({ before: flushed, after: -1 })
  }
  afterToBefore.forEach((i, j) => {
    if (i >= 0) flushDeletedBefore(i)
    out.push({ before: i, after: j })
  })
  flushDeletedBefore(beforeToAfter.length)
  return out
}
