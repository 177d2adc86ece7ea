/** What the machine is doing besides the benchmark: other processes share these cores. */
import fs from 'node:fs'
import os from 'node:os'

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
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus()
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  }
}
