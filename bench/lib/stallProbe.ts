/**
 * Loaded into a benchmark server (`BENCH_SERVER_FLAGS=--import=./bench/lib/stallProbe.ts`):
 * a 2 ms timer that reports every gap over STALL_MS (7, or the variable) between two of its
 * ticks, with the CPU the process used meanwhile. A gap with little CPU in it is time the
 * process was waiting for a core (or its virtual CPU was not running), not time spent in its own
 * code. The timer's wake-ups cost CPU themselves: use it to find stalls, not in runs whose CPU
 * is recorded.
 * Lines go to stderr as `STALL <pid> mono=<CLOCK_MONOTONIC ms> gap=<ms> cpu=<ms> ...`, in the
 * clock of the fan-out run's `window` lines (BENCH_PERF=1).
 */
import fs from 'node:fs'
import { monotonicMs } from './stats'

const STALL_MS = Number(process.env.STALL_MS ?? 7)

let last = monotonicMs()
let lastCpu = process.cpuUsage()
let lastUsage = process.resourceUsage()

setInterval(() => {
  const now = monotonicMs()
  const cpu = process.cpuUsage()
  const usage = process.resourceUsage()
  if (now - last > STALL_MS) {
    const user = (cpu.user - lastCpu.user) / 1000
    const system = (cpu.system - lastCpu.system) / 1000
    // Synchronous: a stall is reported even if the process is killed right after.
    fs.writeSync(
      2,
      `STALL ${process.pid} mono=${last.toFixed(1)} gap=${(now - last).toFixed(1)} cpu=${(user + system).toFixed(1)} ` +
        `system=${system.toFixed(1)} faults=${usage.minorPageFault - lastUsage.minorPageFault} ` +
        `preempted=${usage.involuntaryContextSwitches - lastUsage.involuntaryContextSwitches}\n`,
    )
  }
  last = now
  lastCpu = cpu
  lastUsage = usage
}, 2).unref()
