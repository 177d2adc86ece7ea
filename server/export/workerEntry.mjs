// Bootstrap of an export worker process. The server runs TypeScript through tsx; the worker is
// started with plain node options of its own, so this plain module loads the TypeScript body
// through tsx's API. It works the same under `tsx server/main.ts`, `node --import tsx` and vitest.
import { tsImport } from 'tsx/esm/api'

await tsImport('./worker.ts', import.meta.url)
