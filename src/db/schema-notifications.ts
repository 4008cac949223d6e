/**
 * Table types of notifications (issue 14). Conventions as in schema.ts.
 */
export interface NotificationTables {
  notifications: NotificationTable;
  notification_prefs: NotificationPrefsTable;
  mail_outbox: MailOutboxTable;
}

export interface NotificationTable {
  id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  /** The web app's path of the exact screen, e.g. /kunjungan/<id>. */
  link: string;
  /** A wa.me link with the message written, when the notice concerns a person with a phone. */
  wa_link: string | null;
  cooperative_id: string | null;
  /** Unique per user: the same reminder is never written twice. */
  dedupe_key: string;
  created_at: string;
  read_at: string | null;
  digest_state: string | null; // null | pending | sent
}

export interface NotificationPrefsTable {
  user_id: string;
  prefs: string; // JSON {kind: 'instant' | 'digest' | 'off'}
  updated_at: string;
}

export interface MailOutboxTable {
  id: string;
  user_id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  kind: string; // a notification kind, or 'digest'
  dedupe_key: string;
  status: string; // pending | sending | sent | failed
  attempts: number;
  next_attempt_at: string;
  claimed_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}
