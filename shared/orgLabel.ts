/**
 * How an organization is named where space is short: its short name, or its full name where the
 * short name is blank. Apart from api.ts, whose request schemas (zod) the browser never loads.
 */
export const orgLabel = (o: { name: string; shortName: string }): string => o.shortName || o.name
