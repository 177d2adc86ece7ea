import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { lib0ShortStrings } from './client/build/lib0ShortStrings.ts'

const backend = `http://127.0.0.1:${process.env.PORT ?? 1234}`

export default defineConfig({
  root: 'client',
  plugins: [react(), lib0ShortStrings()],
  // The import worker loads mammoth on demand (a dynamic import): module workers can split code.
  worker: { format: 'es' },
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
    // Read by the server (server/http/routePreloads.ts): which files a route loads, to announce them early.
    manifest: true,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': backend,
      '/sync': { target: backend.replace('http', 'ws'), ws: true },
    },
  },
})
