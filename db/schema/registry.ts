// The replicated tables, as data: the allow-list that every table or column name coming
// from the network or IPC is mapped through (STYLE.md 4). Both dialects share it.
import { getTableColumns, getTableName } from 'drizzle-orm';
import * as pg from './pg';
import * as sqlite from './sqlite';

export const replicatedTableNames = [
  'organizations',
  'locations',
  'providers',
  'resources',
  'services',
  'schedule_templates',
  'schedule_exceptions',
  'patients',
  'appointments',
  'waitlist_entries',
  'staff_users',
  'policies',
  'reminder_rules',
  'staff_tasks',
  'audit_events',
] as const;
export type ReplicatedTableName = (typeof replicatedTableNames)[number];

/** Referenced tables before the rows that point at them, for bulk loads (the audit trail is never bulk-loaded). */
export const loadOrder: ReplicatedTableName[] = [
  'organizations', 'locations', 'providers', 'resources', 'services', 'schedule_templates', 'schedule_exceptions',
  'policies', 'reminder_rules', 'staff_users', 'patients', 'appointments', 'waitlist_entries', 'staff_tasks',
];

const sqliteTables = {
  organizations: sqlite.organizations,
  locations: sqlite.locations,
  providers: sqlite.providers,
  resources: sqlite.resources,
  services: sqlite.services,
  schedule_templates: sqlite.scheduleTemplates,
  schedule_exceptions: sqlite.scheduleExceptions,
  patients: sqlite.patients,
  appointments: sqlite.appointments,
  waitlist_entries: sqlite.waitlistEntries,
  staff_users: sqlite.staffUsers,
  policies: sqlite.policies,
  reminder_rules: sqlite.reminderRules,
  staff_tasks: sqlite.staffTasks,
  audit_events: sqlite.auditEvents,
} as const;

const pgTables = {
  organizations: pg.organizations,
  locations: pg.locations,
  providers: pg.providers,
  resources: pg.resources,
  services: pg.services,
  schedule_templates: pg.scheduleTemplates,
  schedule_exceptions: pg.scheduleExceptions,
  patients: pg.patients,
  appointments: pg.appointments,
  waitlist_entries: pg.waitlistEntries,
  staff_users: pg.staffUsers,
  policies: pg.policies,
  reminder_rules: pg.reminderRules,
  staff_tasks: pg.staffTasks,
  audit_events: pg.auditEvents,
} as const;

/** Columns every replicated row has, owned by replication rather than by a change's author. */
export const bookkeepingColumns = ['id', 'org_id', 'hlc', 'server_seq'] as const;

export type ColumnKind = 'text' | 'integer' | 'boolean' | 'json';

export interface ColumnSpec {
  name: string;
  kind: ColumnKind;
  notNull: boolean;
  hasDefault: boolean;
}

export interface TableSpec {
  name: ReplicatedTableName;
  columns: ColumnSpec[];
  /** Columns a change may set: everything but the bookkeeping. */
  writable: Set<string>;
}

function kindOf(columnType: string, dataType: string): ColumnKind {
  if (dataType === 'json' || columnType === 'PgJsonb' || columnType === 'SQLiteTextJson') return 'json';
  if (dataType === 'boolean') return 'boolean';
  if (dataType === 'number') return 'integer';
  return 'text';
}

function specOf(name: ReplicatedTableName): TableSpec {
  const columns = Object.values(getTableColumns(sqliteTables[name])).map((c) => ({
    name: c.name,
    kind: kindOf(c.columnType, c.dataType),
    notNull: c.notNull,
    hasDefault: c.hasDefault,
  }));
  const bookkeeping = new Set<string>(bookkeepingColumns);
  return { name, columns, writable: new Set(columns.map((c) => c.name).filter((c) => !bookkeeping.has(c))) };
}

export const tableSpecs: Record<ReplicatedTableName, TableSpec> = Object.fromEntries(
  replicatedTableNames.map((n) => [n, specOf(n)]),
) as Record<ReplicatedTableName, TableSpec>;

export function isReplicatedTable(name: string): name is ReplicatedTableName {
  return (replicatedTableNames as readonly string[]).includes(name);
}

export function sqliteTable(name: ReplicatedTableName) {
  return sqliteTables[name];
}

export function pgTable(name: ReplicatedTableName) {
  return pgTables[name];
}

export function tableNameOf(table: Parameters<typeof getTableName>[0]): string {
  return getTableName(table);
}
