import * as Y from 'yjs'
import zlib from 'node:zlib'
import { law, loadLaw, FULL_LAW_ARTICLES } from '../bench/lib/law'
const d = new Y.Doc(); loadLaw(d, law(FULL_LAW_ARTICLES))
const s = Y.encodeStateAsUpdate(d)
console.log('state', s.byteLength)
for (const level of [1, 3, 6]) {
  let t = performance.now(); let out
  for (let i = 0; i < 5; i++) out = zlib.deflateRawSync(s, { level })
  console.log('level', level, out!.byteLength, ((performance.now() - t) / 5).toFixed(1), 'ms')
  t = performance.now(); for (let i = 0; i < 5; i++) zlib.inflateRawSync(out!)
  console.log('  inflate', ((performance.now() - t) / 5).toFixed(1), 'ms')
}
let t = performance.now(); for (let i = 0; i < 5; i++) Y.encodeStateAsUpdate(d)
console.log('encodeStateAsUpdate', ((performance.now() - t) / 5).toFixed(1), 'ms')
