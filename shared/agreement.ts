/**
 * Agreement on a version: the positions an organization can take and the one rule that decides
 * when a proposed version is agreed. Server, client and exports share these.
 *
 * - agree: the organization accepts the text;
 * - reservations: it accepts the text, with reservations it states (a reservation is recorded
 *   beside the agreement and does not hold it up — domain.md: "agreed" when all agree, and
 *   an agreement with reservations is an agreement);
 * - object: it does not accept the text, for reasons it states; the version stays proposed.
 */
export const POSITIONS = ['agree', 'reservations', 'object'] as const
export type PositionKind = (typeof POSITIONS)[number]

/** proposed → agreed (every required organization agrees), or proposed → withdrawn (by an owner). Both are final. */
export const PROPOSAL_STATUSES = ['proposed', 'agreed', 'withdrawn'] as const
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number]

/** How reserved a position is: the position on the whole version is at least as reserved as on any article. */
export const SEVERITY: Record<PositionKind, number> = { agree: 0, reservations: 1, object: 2 }

/** Whether a position counts towards agreement ("agree with reservations" does). */
export function isAgreeing(position: PositionKind | null | undefined): boolean {
  return position === 'agree' || position === 'reservations'
}

/** Agreed when every required organization's current position agrees; a missing position or an objection keeps it proposed. */
export function isAgreed(required: readonly string[], current: ReadonlyMap<string, PositionKind>): boolean {
  return required.length > 0 && required.every((org) => isAgreeing(current.get(org)))
}

/** A position needs its text unless it is a plain agreement, which carries none. */
export function needsText(position: PositionKind): boolean {
  return position !== 'agree'
}

/**
 * Why a position cannot be recorded yet, first reason first (null: it can be): no position on
 * the whole version chosen, its reservation or objection unwritten, an article's unwritten, or
 * the whole version's position milder than an article's. The form says it beside its button.
 */
export type PositionBlocker = 'choose' | 'text' | 'articleText' | 'tooMild'

export function positionBlocker(position: PositionKind | null, text: string, articles: readonly { position: PositionKind; text: string }[]): PositionBlocker | null {
  if (position === null) return 'choose'
  if (articles.some((a) => SEVERITY[a.position] > SEVERITY[position])) return 'tooMild'
  if (needsText(position) && !text.trim()) return 'text'
  if (articles.some((a) => needsText(a.position) && !a.text.trim())) return 'articleText'
  return null
}
