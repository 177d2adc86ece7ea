/**
 * The version of the legal text's node set (nodes.ts), sent by the editor when it connects
 * (SCHEMA_PARAM in shared/protocol.ts). Bump it with every change to a node type, its content
 * or its attributes: an editor of another version is refused rather than left to delete what it
 * cannot read. 1: the first schema; 2: cross-references (`xref`); 3: sections; 4: parts; 5: the
 * conclusions after the last article. No imports, so
 * that the sync URL's code reads it without loading the editor; tests/unit/schemaVersion.test.ts
 * holds the node set's fingerprint, and fails when the node set changes and this does not.
 */
export const SCHEMA_VERSION = 5
