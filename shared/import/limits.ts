/**
 * The most blocks (paragraphs, or lines of a text without blank lines) an import reads. A law has
 * a few thousand (the 300-article sample some 3,000); the server takes a tree of at most 500,000
 * nodes (server/export/task.ts), which some 120,000 blocks can reach (an article is up to four
 * nodes). Past that nothing could be stored anyway, and reading on cost time out of proportion: a
 * 16 MB text of 8 million one-letter lines ran past the import's 120 s limit (a 503), its heap
 * full of line and block objects, before the node count refused it. The readers stop as soon as
 * the count is passed, with ImportError('tooLong') — said in words, in both languages.
 */
export const MAX_IMPORT_BLOCKS = 100_000
