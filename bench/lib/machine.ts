/** What the machine is doing besides the benchmark: other processes share these cores. */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import { parseStat, processCpuSeconds } from './threadCpu'

/** Busy CPU-seconds of the whole machine since boot (all cores), from /proc/stat. */
export function machineBusySeconds(): number {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]
    // cpu  user nice system idle iowait irq softirq steal guest guest_nice (USER_HZ = 100)
    const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number)
    return (user + nice + system + irq + softirq + steal) / 100
  } catch {
    return NaN
  }
}

export function loadAverage(): number {
  return os.loadavg()[0]
}

export interface MachineInfo {
  cores: number
  cpu: string
  memoryGb: number
  node: string
  platform: string
  /** What the first touch of a fresh 4 KB page of memory costs here, in µs (see freshPageMicroseconds). */
  freshPageUs: number
}

/**
 * Touches every page of 64 MB just mapped and gives the time per page. Each first touch is a
 * page fault: ~0.5 µs on bare metal, 10–16 µs on the virtual machines of the thirty-second and
 * thirty-third rounds, where a renderer opening the law takes ~27,000 of them and a server
 * grows its heap by them. A figure that moves every memory-hungry result on the machine.
 */
export function freshPageMicroseconds(): number {
  const PAGE = 4096
  const bytes = Buffer.allocUnsafeSlow(64 * 1024 * 1024) // beyond malloc's heap: mapped fresh
  const started = process.hrtime.bigint()
  for (let i = 0; i < bytes.length; i += PAGE) bytes[i] = 1
  return Number(process.hrtime.bigint() - started) / 1e3 / (bytes.length / PAGE)
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus()
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    freshPageUs: freshPageMicroseconds(),
  }
}

export interface ProcStat {
  /** User + system CPU-seconds since the process started (all its threads; see processCpuSeconds). */
  cpuSeconds: number
  /** The same in 10 ms ticks (/proc/<pid>/stat). */
  ticksSeconds: number
  /** Of which in the kernel (system calls: socket writes, fsync…), in ticks. */
  systemSeconds: number
  rssBytes: number
  /** Peak resident set size (VmHWM). */
  peakRssBytes: number
  /** Minor page faults since the process started: each first touch of a fresh page (the kernel zeroes it). */
  minorFaults: number
}

/**
 * CPU and memory of any process from /proc, without asking it (a server that has fallen
 * behind may not answer IPC for a long time).
 */
export function procStat(pid: number): ProcStat {
  const { fields } = parseStat(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'))
  const minorFaults = Number(fields[7])
  const utime = Number(fields[11])
  const stime = Number(fields[12])
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024
  return { cpuSeconds: processCpuSeconds(pid) ?? (utime + stime) / 100, ticksSeconds: (utime + stime) / 100, systemSeconds: stime / 100, rssBytes: kb('VmRSS'), peakRssBytes: kb('VmHWM'), minorFaults }
}

/**
 * Every thread of these processes (and every thread they start later) at SCHED_IDLE: they run
 * only when a core is otherwise idle. For asking whether they are what a measured browser waits
 * for (`BENCH_NODE_IDLE=1`, bench/browser.ts). Linux only (util-linux's chrt).
 */
export function idleScheduling(pids: readonly number[]): void {
  for (const pid of pids) execFileSync('chrt', ['--all-tasks', '--idle', '--pid', '0', String(pid)])
}
