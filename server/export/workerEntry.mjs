// Bootstrap of the export worker thread. The server runs TypeScript through tsx; a worker
// thread does not inherit every loader, so this plain module loads the TypeScript body through
// tsx's API. It works the same under `tsx server/main.ts`, `node --import tsx` and vitest.
import { tsImport } from 'tsx/esm/api'

await tsImport('./worker.ts', import.meta.url)
