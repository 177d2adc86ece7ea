import { loadConfig } from './config'
import { createLogger } from './logger'
import { startAccordServer } from './app'

/** Process entry: start, announce the port, shut down cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const config = loadConfig()
  const server = await startAccordServer(config)
  // Always printed, whatever LOG_LEVEL: scripts and tests read the port from it.
  process.stdout.write(
    JSON.stringify({ time: new Date().toISOString(), level: 'info', msg: 'listening', port: server.port, url: server.url }) + '\n',
  )

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) process.exit(1) // second signal: give up waiting
    stopping = true
    server.log.info('shutting down', { signal })
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        server.log.error('shutdown failed', { err })
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
  // Stored data is durable at every instant, so dying loudly is safer than limping on.
  process.on('uncaughtException', (err) => {
    server.log.error('uncaught exception', { err })
    process.exit(1)
  })
  process.on('unhandledRejection', (err) => {
    server.log.error('unhandled rejection', { err })
    process.exit(1)
  })
}

main().catch((err: unknown) => {
  createLogger('error').error('startup failed', { err })
  process.exit(1)
})
