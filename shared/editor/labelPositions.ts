/** "Every label from the `from`-th on moves by `delta`." */
interface Move {
  from: number
  delta: number
}

/** Moves kept before they are folded into a new array (reading a position costs one step per move). */
const MAX_MOVES = 32

/**
 * The positions of the numbering's labels, in document order, as typing moves them: an array as
 * last computed plus the moves made since, each "every label from the i-th on moves by d" (typing
 * adds, removes and reorders no label). A keystroke adds a move instead of copying the array and
 * shifting every position after it: at 1,000 articles (7,600 labels) that copy and shift cost
 * ~0.2 ms a keystroke in Chromium, mostly the copy's fresh memory. Immutable, as plugin state is.
 */
export class LabelPositions {
  private constructor(
    private readonly base: Int32Array,
    private readonly moves: readonly Move[],
  ) {}

  static of(positions: Int32Array): LabelPositions {
    return new LabelPositions(positions, [])
  }

  get length(): number {
    return this.base.length
  }

  /** The position of the `i`-th label. */
  at(i: number): number {
    let pos = this.base[i]
    // Indexed: an iterator per read was most of what reading allocated.
    for (let m = 0; m < this.moves.length; m++) if (this.moves[m].from <= i) pos += this.moves[m].delta
    return pos
  }

  /** Index of the first label at or after `pos` (length if none). */
  firstFrom(pos: number): number {
    let lo = 0
    let hi = this.base.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.at(mid) < pos) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /** These positions with every label from the `from`-th on moved by `delta`. */
  moved(from: number, delta: number): LabelPositions {
    if (delta === 0 || from >= this.base.length) return this
    const moves = [...this.moves, { from, delta }]
    return moves.length < MAX_MOVES ? new LabelPositions(this.base, moves) : LabelPositions.of(applied(this.base, moves))
  }

  /** Every position, as an array (a new one when there were moves). */
  toArray(): Int32Array {
    return this.moves.length === 0 ? this.base : applied(this.base, this.moves)
  }
}

/** `base` with `moves` applied: each stretch between two moves' first labels shifted by what the moves before it add up to. */
function applied(base: Int32Array, moves: readonly Move[]): Int32Array {
  const sorted = [...moves].sort((a, b) => a.from - b.from)
  const out = base.slice()
  let shift = 0
  for (let m = 0; m < sorted.length; m++) {
    shift += sorted[m].delta
    const end = m + 1 < sorted.length ? Math.min(sorted[m + 1].from, out.length) : out.length
    for (let i = sorted[m].from; i < end; i++) out[i] += shift
  }
  return out
}
