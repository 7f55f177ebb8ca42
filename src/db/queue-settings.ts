// The queue's retry and expiry settings, apart from pg-boss so that `kg build --help` shows them without loading it.

export interface QueueSettings {
  /** Attempts after the first before a job is a dead letter. */
  retries: number;
  /** Seconds a fetched job may stay active before it counts as failed (its worker died or hung) and is retried. */
  expirySeconds: number;
}

/** Two retries; 15 minutes, room for a batch of articles that each run close to the 30-second budget. */
export const DEFAULT_QUEUE_SETTINGS: QueueSettings = { retries: 2, expirySeconds: 900 };
