// Staff tasks at the desk: what the server's jobs hand to a person (an unconfirmed visit to
// chase, a patient who asked for another time, a reminder that may not have gone out). The
// rows replicate from the server; the desk lists the open ones for its location and closes
// them through call.write, so closing syncs to every desk and is audited.
//   tasks.list {locationId} -> open tasks, soonest due first, with the visit they concern
//   tasks.done {taskId}      -> closes one (any staff member at the desk may)
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { say } from '../../db/rules/refusals';
import type { StaffTaskKind } from '../../db/schema/shared';
import * as schema from '../../db/schema/sqlite';
import { requireLocation } from './lookups';
import { defineOperations, refuse, staffOperation, staffRoles } from './operation';
import { entityId } from './schedule';

export interface StaffTaskView {
  id: string;
  kind: StaffTaskKind;
  /** The server's English sentence, kept for the log and for kinds this desk does not know yet. */
  title: string;
  dueAt: number;
  createdAt: number;
  appointment: {
    id: string;
    startAt: number;
    status: string;
    serviceName: string | null;
    providerName: string | null;
    patientId: string;
    patientName: string | null;
    patientPhone: string | null;
  } | null;
}

export const taskOperations = defineOperations('tasks', {
  list: staffOperation({
    description: 'see the desk’s tasks',
    roles: staffRoles,
    input: z.object({ locationId: entityId }),
    handler: ({ store }, { locationId }): StaffTaskView[] => {
      requireLocation(store, locationId);
      const t = schema.staffTasks;
      const a = schema.appointments;
      const p = schema.patients;
      return store.db.select({
        task: t, startAt: a.startAt, status: a.status, patientId: a.patientId,
        first: p.firstName, last: p.lastName, phone: p.phone,
        service: schema.services.name, provider: schema.providers.name,
      }).from(t)
        .leftJoin(a, eq(a.id, t.appointmentId))
        .leftJoin(p, eq(p.id, a.patientId))
        .leftJoin(schema.services, eq(schema.services.id, a.serviceId))
        .leftJoin(schema.providers, eq(schema.providers.id, a.providerId))
        .where(and(eq(t.locationId, locationId), eq(t.status, 'open'), eq(t.deleted, false)))
        .orderBy(asc(t.dueAt), asc(t.createdAt), asc(t.id))
        .all()
        .map((r) => ({
          id: r.task.id,
          kind: r.task.kind,
          title: r.task.title,
          dueAt: r.task.dueAt,
          createdAt: r.task.createdAt,
          // The visit may not have synced yet (or was removed): the task still shows, without it.
          appointment: r.startAt !== null && r.patientId !== null && r.task.appointmentId ? {
            id: r.task.appointmentId,
            startAt: r.startAt,
            status: r.status ?? 'booked',
            serviceName: r.service,
            providerName: r.provider,
            patientId: r.patientId,
            patientName: r.last ? `${r.last}, ${r.first ?? ''}`.trim() : null,
            patientPhone: r.phone,
          } : null,
        }));
    },
  }),

  done: staffOperation({
    description: 'close a desk task',
    roles: staffRoles,
    input: z.object({ taskId: entityId }),
    handler: (call, { taskId }) => {
      const t = schema.staffTasks;
      const task = call.store.db.select().from(t).where(and(eq(t.id, taskId), eq(t.deleted, false))).get();
      if (!task) throw refuse('not_found', say('refusal.notFound.task'), { taskId });
      // Another desk closed it first: nothing to write, and nothing went wrong.
      if (task.status === 'done') return { alreadyDone: true };
      call.write({ table: 'staff_tasks', rowId: taskId, isNew: false, action: 'staff_tasks.done', values: { status: 'done' } });
      return { alreadyDone: false };
    },
  }),
});
