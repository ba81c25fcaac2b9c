// Staff tasks (a replicated table): raised by the server, shown on the front desk, closed by
// staff. The row id derives from the raising key, so raising the same task twice is one task.
import { v5 as uuidv5 } from 'uuid';
import type { StaffTaskKind } from '../../db/schema/shared';
import type { JobsContext } from '../jobs/context';
import { writeAudited } from './write-appointment';

const TASK_NAMESPACE = '0c4b7a5e-91d3-4f2a-8b6e-2d7c9e1f3a58';

export interface NewStaffTask {
  key: string;
  locationId: string;
  appointmentId: string | null;
  kind: StaffTaskKind;
  title: string;
  dueAt: number;
}

export async function raiseStaffTask(ctx: JobsContext, orgId: string, task: NewStaffTask): Promise<string> {
  const id = uuidv5(task.key, TASK_NAMESPACE);
  const { rows } = await ctx.server.db.query('select 1 from staff_tasks where id = $1', [id]);
  if (rows.length > 0) return id;
  const result = await writeAudited(ctx, orgId, 'staff_tasks', id, {
    location_id: task.locationId, appointment_id: task.appointmentId, kind: task.kind, title: task.title, due_at: task.dueAt,
    status: 'open', created_at: ctx.now(), deleted: false,
  }, { key: `task:${task.key}`, action: 'staff_tasks.create', before: null });
  if (result.status !== 'accepted') throw new Error(`staff task refused: ${result.message}`);
  return id;
}
