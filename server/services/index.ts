import type { Config } from '../config'
import type { Db } from '../db/connection'
import type { Logger } from '../logger'
import { AccessRepo } from '../db/accessRepo'
import { CommentsRepo } from '../db/commentsRepo'
import { PreferencesRepo } from '../db/preferencesRepo'
import { VisitsRepo } from '../db/visitsRepo'
import { DocumentsRepo } from '../db/documentsRepo'
import { EditSessionsRepo } from '../db/editSessionsRepo'
import { InvitationsRepo } from '../db/invitationsRepo'
import { PasswordResetsRepo } from '../db/passwordResetsRepo'
import { OrganizationsRepo } from '../db/organizationsRepo'
import { SessionsRepo } from '../db/sessionsRepo'
import { UsersRepo } from '../db/usersRepo'
import { SqliteDocumentStore } from '../storage/sqliteDocumentStore'
import { Sessions } from '../auth/sessions'
import { ConnectionRegistry } from '../collab/registry'
import { LiveAccess } from '../collab/liveAccess'
import { Accounts } from './accounts'
import { Invitations } from './invitations'
import { DocumentAccess } from './access'
import { People } from './people'
import { Passwords } from './passwords'

/** Repositories and services over one database, shared by the server and the admin CLI. */
export function createServices(db: Db, config: Config, log: Logger) {
  const documents = new DocumentsRepo(db)
  const users = new UsersRepo(db)
  const organizations = new OrganizationsRepo(db)
  const access = new AccessRepo(db)
  const invitationsRepo = new InvitationsRepo(db)
  const editSessions = new EditSessionsRepo(db)
  const comments = new CommentsRepo(db)
  const preferences = new PreferencesRepo(db)
  const visits = new VisitsRepo(db)
  const store = new SqliteDocumentStore(db, {
    onCheckpointError: (message) => log.error('WAL checkpoint failed', { message }),
    journal: config.updateJournal,
    onJournalFallback: (why) => log.warn('update journal written with write(), not mapped', { why }),
  })
  const sessions = new Sessions(new SessionsRepo(db), users, { ttlMs: config.sessionTtlMs, trustProxy: config.trustProxy })
  const registry = new ConnectionRegistry()
  const live = new LiveAccess({ registry, access, users, sessions, log })
  const accounts = new Accounts({
    db,
    users,
    organizations,
    access,
    log,
    passwordCost: config.passwordCost,
    signInMaxPerAccount: config.signInMaxPerAccount,
    signInMaxPerAddress: config.signInMaxPerAddress,
    signInWindowMs: config.signInWindowMs,
  })
  const invitations = new Invitations({
    db,
    invitations: invitationsRepo,
    users,
    organizations,
    log,
    passwordCost: config.passwordCost,
    invitationTtlMs: config.invitationTtlMs,
  })
  const passwords = new Passwords({
    db,
    users,
    resets: new PasswordResetsRepo(db),
    sessions,
    accounts,
    live,
    log,
    passwordCost: config.passwordCost,
    resetTtlMs: config.passwordResetTtlMs,
  })
  const people = new People({ db, users, organizations, access, documents, sessions, live, log })
  const documentAccess = new DocumentAccess({ db, documents, access, users, organizations, live, log, visits, editSessions })
  return {
    db,
    config,
    log,
    documents,
    users,
    organizations,
    access,
    editSessions,
    comments,
    preferences,
    visits,
    store,
    sessions,
    registry,
    live,
    accounts,
    invitations,
    passwords,
    people,
    documentAccess,
  }
}

export type Services = ReturnType<typeof createServices>
