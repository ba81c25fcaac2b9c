// Group commit: pushes that arrive while a batch is being merged wait and go together in
// the next one. A push that finds the server idle starts at once, so a quiet clinic pays
// no added latency; a busy one pays one transaction, one publication and a fixed number
// of statements per batch instead of per change.

export interface Batchable<P, R> {
  /** Merges the batch; one answer (or error) per push, in order. */
  commit(pushes: P[]): Promise<(R | Error)[]>;
  size(push: P): number;
}

export interface GroupCommitOptions {
  /** Batches in flight at once. One measured best (bench/sync-throughput.bench.ts): more lanes split the waiting pushes into smaller batches that then queue on the same locks. */
  maxConcurrent?: number;
  /** Changes per batch; a push larger than this goes alone. */
  maxChanges?: number;
}

interface Waiting<P, R> {
  push: P;
  resolve(result: R): void;
  reject(error: unknown): void;
}

export class GroupCommitter<P, R> {
  private readonly queue: Waiting<P, R>[] = [];
  private running = 0;
  private readonly maxConcurrent: number;
  private readonly maxChanges: number;

  constructor(private readonly target: Batchable<P, R>, options: GroupCommitOptions = {}) {
    this.maxConcurrent = options.maxConcurrent ?? 1;
    this.maxChanges = options.maxChanges ?? 1_000;
  }

  submit(push: P): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ push, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.running < this.maxConcurrent && this.queue.length > 0) {
      const batch: Waiting<P, R>[] = [];
      let changes = 0;
      while (this.queue.length > 0 && (batch.length === 0 || changes + this.target.size(this.queue[0]!.push) <= this.maxChanges)) {
        const next = this.queue.shift()!;
        changes += this.target.size(next.push);
        batch.push(next);
      }
      this.running++;
      void this.run(batch).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  private async run(batch: Waiting<P, R>[]): Promise<void> {
    try {
      const answers = await this.target.commit(batch.map((w) => w.push));
      batch.forEach((w, i) => {
        const answer = answers[i]!;
        if (answer instanceof Error) w.reject(answer);
        else w.resolve(answer);
      });
    } catch (e) {
      for (const w of batch) w.reject(e);
    }
  }
}
