import type { PositionKind } from '../../shared/agreement'
import type { ProposalView } from '../../shared/api'
import type { MessageKey } from '../i18n/en'

/** The word for a position in the matrix ("Agrees", "Objects", "No position yet"). */
export function positionKey(position: PositionKind | null): MessageKey {
  return position ? (`agreement.position.${position}` as MessageKey) : 'agreement.position.none'
}

/** Whether some required organization's current position is an objection. */
export function hasObjection(proposal: ProposalView): boolean {
  return proposal.organizations.some((o) => o.current?.position === 'object')
}

/** How many required organizations agree (with or without reservations). */
export function agreeingCount(proposal: ProposalView): number {
  return proposal.organizations.filter((o) => o.current && o.current.position !== 'object').length
}

