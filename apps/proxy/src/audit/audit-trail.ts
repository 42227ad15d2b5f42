import type { Logger } from 'pino';
import type { AuditStore, HistoryQuery, StoredRevocation } from './audit-store.ts';
import { mergeRecords, type RevocationRecord } from './revocation-record.ts';
import type { Spool } from './spool.ts';

/** Where a row ended up: committed to the database, fsynced to the spool, or nowhere (logged). */
export type Durability = 'database' | 'spool' | 'lost';

/** The state of the trail, for logs and tests. */
export interface AuditTrailStatus {
  database: 'opening' | 'up' | 'down';
  /** Whether the spool's last append succeeded. */
  spoolWritable: boolean;
}

/** The proxy's audit trail: where revoke attempts are recorded and read back. */
export interface AuditTrail {
  /**
   * Makes a row durable: in the database when it takes it within the write timeout, else in the
   * spool. Never rejects; `'lost'` when neither could take it (the row is then logged at `error`).
   */
  record(record: RevocationRecord): Promise<Durability>;
  /** A page of one subject's history, newest first; rejects when the database cannot be read. */
  history(query: HistoryQuery): Promise<StoredRevocation[]>;
  status(): AuditTrailStatus;
  /** Writes what is queued (database or spool), stops the timers and closes the database. */
  close(): Promise<void>;
}

/** What {@link createAuditTrail} is built from. */
export interface AuditTrailOptions {
  /** Opens (and migrates) the database; called again after a failure, with backoff. */
  openStore: () => Promise<AuditStore>;
  spool: Spool;
  logger: Logger;
  /** The most a write waits for the database before it counts as down (and the row is spooled), in ms. */
  writeTimeoutMs: number;
  /** The most a history read waits for the database, in ms. @default 5000 */
  readTimeoutMs?: number;
  /** Rows older than this many days are deleted by the trail itself. @default undefined (kept forever) */
  retentionDays?: number | undefined;
  /** How often retention runs (it also runs once the database opens). @default 1 hour */
  retentionIntervalMs?: number;
  /** Backoff between attempts to reach a database that is down. @default { minMs: 250, maxMs: 5000 } */
  retry?: { minMs: number; maxMs: number };
  /** Batches written at once: 1 for SQLite (synchronous anyway), a few for a pooled PostgreSQL. @default 1 */
  concurrency?: number;
}

const BATCH_ROWS = 500;
const RETENTION_BATCH = 1000;

/**
 * The audit trail over one database and one spool, so that nothing is lost:
 * - rows queued in the same event-loop turn are written in one transaction (group commit);
 * - a write the database fails or does not finish within `writeTimeoutMs` marks it down, and that
 *   batch and every row after it go to the spool (fsynced) until the database answers again;
 * - while it is down, the trail pings it with backoff; once it answers, and at start, it replays
 *   the spool (idempotent upserts: a replayed row is never doubled) and deletes what it replayed;
 * - retention deletes rows older than `retentionDays` in bounded batches, from an unref'd timer.
 *
 * @example
 * const trail = createAuditTrail({ openStore: () => openPostgresStore(…), spool, logger, writeTimeoutMs: 500 });
 * await trail.record(row); // 'database' | 'spool' | 'lost'
 */
export function createAuditTrail(options: AuditTrailOptions): AuditTrail {
  const { spool, logger, writeTimeoutMs } = options;
  const retry = options.retry ?? { minMs: 250, maxMs: 5000 };
  const concurrency = options.concurrency ?? 1;

  let store: AuditStore | undefined;
  let database: AuditTrailStatus['database'] = 'opening';
  let opening: Promise<void> | undefined;
  let openFailed = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let retryDelay = retry.minMs;
  let retentionTimer: NodeJS.Timeout | undefined;
  let closing = false;
  const queue: Array<{ record: RevocationRecord; settle: (durability: Durability) => void }> = [];
  let pumpScheduled = false;
  let inFlight = 0;
  let drained: (() => void) | undefined;
  let replaying: Promise<void> | undefined;
  let replayAgain = false;
  let sweeping = false;

  const within = <T>(work: Promise<T>, ms = writeTimeoutMs): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the audit database did not answer within ${ms} ms`)), ms);
    });
    return Promise.race([work, late]).finally(() => clearTimeout(timer));
  };

  const open = () => {
    database = 'opening';
    opening = options.openStore().then(
      (opened) => {
        store = opened;
        if (closing) return;
        up();
        scheduleRetention();
      },
      (error: unknown) => {
        // Once per outage, not at every attempt.
        if (database === 'opening' && !openFailed) {
          logger.warn(
            { cause: describe(error) },
            'audit database unavailable at start: rows go to the spool',
          );
        }
        openFailed = true;
        database = 'down';
        scheduleRetry();
      },
    );
  };

  const up = () => {
    database = 'up';
    retryDelay = retry.minMs;
    void replay();
  };

  const down = (error: unknown) => {
    if (database === 'up') {
      logger.warn({ cause: describe(error) }, 'audit database unavailable: rows go to the spool');
    }
    database = 'down';
    scheduleRetry();
  };

  const scheduleRetry = () => {
    if (retryTimer !== undefined || closing) return;
    retryTimer = setTimeout(attemptRecovery, retryDelay);
    retryTimer.unref();
    retryDelay = Math.min(retryDelay * 2, retry.maxMs);
  };

  const attemptRecovery = async () => {
    retryTimer = undefined;
    if (closing) return;
    if (store === undefined) {
      open();
      return;
    }
    try {
      await within(store.ping());
      if (database !== 'up') logger.info('audit database answering again: replaying the spool');
      up();
    } catch (error) {
      database = 'down';
      logger.debug({ cause: describe(error) }, 'audit database still unavailable');
      scheduleRetry();
    }
  };

  const toSpool = async (batch: typeof queue) => {
    try {
      await spool.append(batch.map((item) => item.record));
      for (const item of batch) item.settle('spool');
    } catch (error) {
      // Neither could take it: the log is the last place left. A row holds no secret.
      for (const item of batch) {
        logger.error(
          { cause: describe(error), audit_record: item.record },
          'audit row not recorded: the database and the spool both failed',
        );
        item.settle('lost');
      }
    }
    // Whatever is in the spool is replayed once the database answers (a ping first).
    scheduleRetry();
  };

  const writeBatch = async (batch: typeof queue) => {
    if (database === 'opening' && opening !== undefined) {
      await within(opening).catch(() => undefined);
    }
    const current = store;
    if (database !== 'up' || current === undefined) return toSpool(batch);
    try {
      await within(current.write(mergeRecords(batch.map((item) => item.record))));
      for (const item of batch) item.settle('database');
    } catch (error) {
      down(error);
      await toSpool(batch);
    }
  };

  const pump = () => {
    pumpScheduled = false;
    while (queue.length > 0 && inFlight < concurrency) {
      const batch = queue.splice(0, BATCH_ROWS);
      inFlight++;
      void writeBatch(batch).finally(() => {
        inFlight--;
        if (queue.length > 0) pump();
        else if (inFlight === 0) drained?.();
      });
    }
  };

  const replay = (): Promise<void> => {
    if (replaying !== undefined) {
      replayAgain = true;
      return replaying;
    }
    replaying = (async () => {
      do {
        replayAgain = false;
        await replayOnce();
      } while (replayAgain && database === 'up' && !closing);
    })().finally(() => {
      replaying = undefined;
    });
    return replaying;
  };

  const replayOnce = async () => {
    let files: string[];
    try {
      files = await spool.takeForReplay();
    } catch (error) {
      logger.warn({ cause: describe(error), spool: spool.dir }, 'audit spool could not be read');
      return;
    }
    for (const file of files) {
      const current = store;
      if (database !== 'up' || current === undefined || closing) return;
      let replayed = 0;
      try {
        const rows = spool.read(file);
        let batch: RevocationRecord[] = [];
        let next = await rows.next();
        while (!next.done) {
          batch.push(next.value);
          next = await rows.next();
          if (batch.length === BATCH_ROWS || (next.done && batch.length > 0)) {
            replayed += await replayBatch(current, batch);
            batch = [];
          }
          if (closing) return;
        }
        if (next.value.skipped > 0) {
          logger.warn({ file, skipped: next.value.skipped }, 'audit spool lines skipped: not a whole row');
        }
        await spool.remove(file);
        logger.info({ file, rows: replayed }, 'audit spool replayed');
      } catch (error) {
        // Left in place: the next replay writes it again, and the upserts make that harmless.
        down(error);
        return;
      }
    }
  };

  /**
   * Writes a batch of spooled rows. If the database refuses it while it answers pings, the batch
   * itself is at fault: each row is tried alone, and one the database refuses is set aside in the
   * spool's `rejected.jsonl` and logged, so one bad row can never hold every other row back.
   * Resolves with how many rows are now in the database.
   */
  const replayBatch = async (current: AuditStore, batch: RevocationRecord[]): Promise<number> => {
    const rows = mergeRecords(batch);
    try {
      await within(current.write(rows));
      return rows.length;
    } catch (error) {
      // A database that does not answer is down: the caller stops and retries later.
      await within(current.ping()).catch(() => {
        throw error;
      });
    }
    let written = 0;
    for (const record of rows) {
      try {
        await within(current.write([record]));
        written++;
      } catch (error) {
        await within(current.ping()).catch(() => {
          throw error;
        });
        logger.error(
          { cause: describe(error), audit_record: record },
          'audit row refused by the database: set aside',
        );
        await spool.reject([record]);
      }
    }
    return written;
  };

  const scheduleRetention = () => {
    const days = options.retentionDays;
    if (days === undefined || retentionTimer !== undefined) return;
    void sweep(days);
    retentionTimer = setInterval(() => void sweep(days), options.retentionIntervalMs ?? 3_600_000);
    retentionTimer.unref();
  };

  const sweep = async (days: number) => {
    const current = store;
    if (sweeping || database !== 'up' || current === undefined) return;
    sweeping = true;
    const cutoff = Date.now() - days * 86_400_000;
    let deleted = 0;
    try {
      for (;;) {
        const count = await within(current.deleteBefore(cutoff, RETENTION_BATCH), 30_000);
        deleted += count;
        if (count < RETENTION_BATCH || closing) break;
        // Between batches, let requests in.
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (deleted > 0) logger.info({ deleted, retention_days: days }, 'audit rows past retention deleted');
    } catch (error) {
      logger.warn({ cause: describe(error) }, 'audit retention failed: retried at the next run');
    } finally {
      sweeping = false;
    }
  };

  open();

  return {
    record: (record) =>
      new Promise<Durability>((settle) => {
        queue.push({ record, settle });
        if (!pumpScheduled) {
          pumpScheduled = true;
          setImmediate(pump);
        }
      }),
    history: async (query) => {
      if (database === 'opening' && opening !== undefined) await within(opening);
      const current = store;
      if (current === undefined) throw new Error('the audit database is not open');
      return within(current.history(query), options.readTimeoutMs ?? 5000);
    },
    status: () => ({ database, spoolWritable: spool.writable() }),
    close: async () => {
      closing = true;
      clearTimeout(retryTimer);
      clearInterval(retentionTimer);
      if (queue.length > 0 || inFlight > 0) {
        await new Promise<void>((resolve) => {
          drained = resolve;
          if (!pumpScheduled) pump();
        });
      }
      await replaying;
      await opening;
      await spool.close();
      await store?.close();
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
