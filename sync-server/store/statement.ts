// One statement assembled from parts that each bring their own values: every part asks for
// a placeholder per value, so the parts can be written apart and sent together. A merge
// batch pays per statement, not per row (sync-server/merge/merge-batch.ts).

export class Statement {
  readonly values: unknown[] = [];

  /** The placeholder for `value`, cast when PostgreSQL cannot infer its type. */
  param(value: unknown, cast?: string): string {
    this.values.push(value);
    return cast ? `$${this.values.length}::${cast}` : `$${this.values.length}`;
  }
}
