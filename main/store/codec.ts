// Column values between their JS form (what merge and the wire use) and SQLite's storage.
import type { TableSpec } from '../../db/schema/registry';

export type Row = Record<string, unknown>;

export function encodeValue(kind: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (kind === 'json') return JSON.stringify(value);
  if (kind === 'boolean') return value ? 1 : 0;
  return value;
}

export function decodeRow(spec: TableSpec, raw: Row): Row {
  const out: Row = {};
  for (const c of spec.columns) {
    const v = raw[c.name];
    if (v === null || v === undefined) out[c.name] = null;
    else if (c.kind === 'json') out[c.name] = JSON.parse(v as string);
    else if (c.kind === 'boolean') out[c.name] = v === 1 || v === true;
    else out[c.name] = v;
  }
  return out;
}
