import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const loaded = new Map<string, { addon: unknown } | { why: string }>()

/**
 * The addon `name` from server/native (built by npm's install step), or why it is not there
 * (no compiler when npm installed, another platform): every caller has a way without it.
 */
export function nativeAddon<T>(name: string): { addon: T } | { why: string } {
  let result = loaded.get(name)
  if (!result) {
    try {
      result = { addon: require(`./native/build/Release/${name}.node`) }
    } catch (err) {
      result = { why: err instanceof Error ? err.message.split('\n')[0] : String(err) }
    }
    loaded.set(name, result)
  }
  return result as { addon: T } | { why: string }
}
