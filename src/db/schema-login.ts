/**
 * Failed logins per account AND client address (issue 16): a wrong password from one address
 * delays only that address, so nobody can lock an account out from elsewhere.
 */
export interface LoginTables {
  login_failures: LoginFailureTable;
}

export interface LoginFailureTable {
  /** The username as typed (trimmed, lower case), also for accounts that do not exist. */
  username: string;
  /** The client address as Fastify sees it (the TCP peer, or X-Forwarded-For from a trusted proxy). */
  address: string;
  failures: number;
  last_failed_at: string;
  blocked_until: string | null;
}
