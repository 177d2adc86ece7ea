import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
const mode = process.argv[2]
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wcost-'))
const p = path.join(dir, 'j')
const fd = fs.openSync(p, 'w')
if (mode === 'prealloc') fs.writeSync(fd, Buffer.alloc(4 << 20), 0, 4 << 20, 0)
const rec = Buffer.alloc(160, 7)
let size = 0, n = 0
const t0 = process.cpuUsage()
const start = Date.now()
const tick = () => {
  if (mode !== 'none') { fs.writeSync(fd, rec, 0, rec.length, size); size += rec.length }
  if (++n < 500) setTimeout(tick, 20); else {
    const u = process.cpuUsage(t0)
    console.log(mode, ((u.user + u.system) / n).toFixed(1), 'µs/tick', (u.system / n).toFixed(1), 'sys', Date.now() - start, 'ms')
    fs.rmSync(dir, { recursive: true })
  }
}
setTimeout(tick, 20)
