// Runs due jobs: claim a batch, hand each to its kind's handler, record the outcome. Time
// comes from an injected clock so tests can move it (and so leases and backoff follow it).
import { randomBytes } from 'node:crypto';
import type { ServerDb } from '../store/server-db';
import type { BackoffOptions } from './backoff';
import { claimJobs, completeJob, failJob, type ClaimedJob } from './queue';

/** Thrown by a handler when trying again cannot help (bad address, appointment gone). */
export class PermanentJobError extends Error {}

export type JobHandler = (job: ClaimedJob) => Promise<void>;

export interface JobRunnerOptions {
  db: ServerDb;
  now: () => number;
  handlers: Record<string, JobHandler>;
  /** Identifies this instance's leases; random per runner by default. */
  owner?: string;
  /** Longer than any handler takes: a lease that runs out lets another instance run the job again. */
  leaseMs?: number;
  batchSize?: number;
  backoff?: BackoffOptions;
  random?: () => number;
  onError?: (job: ClaimedJob, error: unknown) => void;
}

export interface RunSummary {
  done: number;
  retried: number;
  failed: number;
}

export class JobRunner {
  readonly owner: string;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: JobRunnerOptions) {
    this.owner = options.owner ?? `runner-${randomBytes(6).toString('hex')}`;
  }

  /** Claims and runs one batch of due jobs. */
  async runDue(): Promise<RunSummary> {
    const { db, now, handlers, leaseMs = 5 * 60_000, batchSize = 20 } = this.options;
    const jobs = await claimJobs(db, this.owner, now(), { leaseMs, limit: batchSize, kinds: Object.keys(handlers) });
    const summary: RunSummary = { done: 0, retried: 0, failed: 0 };
    for (const job of jobs) {
      try {
        await handlers[job.kind]!(job);
        await completeJob(db, job, this.owner, now());
        summary.done++;
      } catch (e) {
        this.options.onError?.(job, e);
        const outcome = await failJob(db, job, this.owner, now(), (e as Error)?.message ?? String(e), {
          retryable: !(e instanceof PermanentJobError), backoff: this.options.backoff, random: this.options.random,
        });
        summary[outcome === 'retry' ? 'retried' : 'failed']++;
      }
    }
    return summary;
  }

  /** Runs batches until none is due (tests, and the CLI's catch-up at start). */
  async drain(maxBatches = 100): Promise<RunSummary> {
    const total: RunSummary = { done: 0, retried: 0, failed: 0 };
    for (let i = 0; i < maxBatches; i++) {
      const s = await this.runDue();
      total.done += s.done;
      total.retried += s.retried;
      total.failed += s.failed;
      if (s.done + s.retried + s.failed === 0) break;
    }
    return total;
  }

  start(intervalMs = 5_000, beforeEachRun: () => Promise<unknown> = async () => undefined, afterEachRun: (summary: RunSummary) => void = () => undefined): void {
    if (this.timer) return;
    const tick = () => {
      this.running = beforeEachRun().then(() => this.runDue()).then(afterEachRun).catch((e) => console.error('jobs:', e)).finally(() => {
        if (this.timer) this.timer = setTimeout(tick, intervalMs);
      });
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}
