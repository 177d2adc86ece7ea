/** Same keys, and for each key values with the same own fields (compared with ===). */
export function sameMap<K, V extends object>(a: ReadonlyMap<K, V>, b: ReadonlyMap<K, V>): boolean {
  if (a === b) return true
  if (a.size !== b.size) return false
  for (const [key, x] of a) {
    const y = b.get(key)
    if (y === undefined) return false
    if (x === y) continue
    const fields = Object.keys(x) as (keyof V)[]
    if (fields.length !== Object.keys(y).length || fields.some((f) => x[f] !== y[f])) return false
  }
  return true
}
