/**
 * Retries `fn` until it returns without throwing (and, if it returns a boolean, returns true).
 * Assertions in integration tests wait for a condition instead of sleeping a fixed time.
 */
export async function waitFor<T>(fn: () => T | Promise<T>, timeoutMs = 5000, intervalMs = 20): Promise<Exclude<T, false>> {
  const deadline = Date.now() + timeoutMs
  let lastError: unknown
  for (;;) {
    try {
      const value = await fn()
      if (value !== false) return value as Exclude<T, false>
      lastError = new Error('condition returned false')
    } catch (err) {
      lastError = err
    }
    if (Date.now() > deadline) {
      const reason = lastError instanceof Error ? lastError.message : String(lastError)
      throw new Error(`waitFor timed out after ${timeoutMs} ms: ${reason}`, { cause: lastError })
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}

/** Resolves with the first emission of `event` on an emitter (`on`/`once` style) within the timeout. */
export function nextEvent<T extends unknown[]>(
  subscribe: (listener: (...args: T) => void) => () => void,
  timeoutMs = 5000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      off()
      reject(new Error(`event not received within ${timeoutMs} ms`))
    }, timeoutMs)
    const off = subscribe((...args) => {
      clearTimeout(timer)
      off()
      resolve(args)
    })
  })
}
