import { spawn, type ChildProcess } from 'node:child_process'
import readline from 'node:readline'
import { REPO_ROOT, TEST_PASSWORD_COST } from './server'

/** The real server as a separate process (`node --import tsx server/main.ts`), for crash tests. */
export interface ChildServer {
  url: string
  wsUrl: string
  port: number
  dataDir: string
  child: ChildProcess
  /** Output seen so far (stdout and stderr), for failure messages. */
  output: string[]
  /** Hard crash: SIGKILL, resolves once the process is gone. */
  kill(): Promise<void>
  /** Graceful stop: SIGTERM, resolves with the exit code. */
  stop(): Promise<number | null>
}

export interface ChildServerOptions {
  dataDir: string
  env?: Record<string, string>
  startTimeoutMs?: number
  /** A prebuilt server/main.ts (serverBundle.ts) to run with plain node: starts in a fraction of tsx's time. */
  entry?: string
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode)
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)))
}

/** Spawns the server on a free port with `dataDir`; resolves once it printed its listening line. */
export async function startChildServer(options: ChildServerOptions): Promise<ChildServer> {
  const child = spawn(process.execPath, options.entry ? [options.entry] : ['--import', 'tsx', 'server/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: options.dataDir,
      SEED: 'false',
      LOG_LEVEL: 'warn',
      PASSWORD_COST: String(TEST_PASSWORD_COST),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output: string[] = []
  readline.createInterface({ input: child.stderr! }).on('line', (line) => output.push(line))
  const lines = readline.createInterface({ input: child.stdout! })

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('server did not start in time')), options.startTimeoutMs ?? 20_000)
    const fail = (err: Error) => {
      clearTimeout(timer)
      child.kill('SIGKILL')
      reject(new Error(`${err.message}\n${output.join('\n')}`))
    }
    child.once('exit', (code) => fail(new Error(`server exited with ${code} before listening`)))
    child.once('error', fail)
    lines.on('line', (line) => {
      output.push(line)
      try {
        const entry = JSON.parse(line) as { msg?: string; port?: number }
        if (entry.msg === 'listening' && typeof entry.port === 'number') {
          clearTimeout(timer)
          child.removeAllListeners('exit')
          resolve(entry.port)
        }
      } catch {
        // not a JSON log line; kept in output
      }
    })
  })

  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/sync`,
    port,
    dataDir: options.dataDir,
    child,
    output,
    kill: async () => {
      const done = exited(child)
      child.kill('SIGKILL')
      await done
    },
    stop: async () => {
      const done = exited(child)
      child.kill('SIGTERM')
      return done
    },
  }
}
