import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { legalSchema, SCHEMA_VERSION } from '../../shared/schema'

/**
 * What an editor's binding accepts: every node type with its content, group, attributes and
 * marks. An editor whose schema differs deletes, for everyone, the nodes it cannot read.
 */
function fingerprint(): string {
  const nodes = Object.values(legalSchema.nodes).map((type) => ({
    name: type.name,
    content: type.spec.content ?? '',
    group: type.spec.group ?? '',
    inline: !!type.spec.inline,
    atom: !!type.spec.atom,
    marks: type.spec.marks ?? null,
    attrs: Object.keys(type.spec.attrs ?? {}).sort(),
  }))
  const marks = Object.keys(legalSchema.marks).sort()
  return createHash('sha256').update(JSON.stringify({ nodes, marks })).digest('hex').slice(0, 16)
}

/** The fingerprint of each version's node set. A new version adds a line; none is ever changed. */
const FINGERPRINTS: Record<number, string> = {
  3: '140df179f09850d8',
  4: 'c5c7219ebfdd9ebf',
  5: '122e09d4f91583f4',
}

describe('the schema version editors announce when they connect', () => {
  it('changes whenever the node set does (else an editor opened before an upgrade deletes what it cannot read)', () => {
    // Changed the schema? Bump SCHEMA_VERSION (shared/schema/version.ts) and add its fingerprint here.
    expect({ version: SCHEMA_VERSION, fingerprint: fingerprint() }).toEqual({ version: SCHEMA_VERSION, fingerprint: FINGERPRINTS[SCHEMA_VERSION] })
  })
})
