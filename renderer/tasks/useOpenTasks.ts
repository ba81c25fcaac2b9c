// The open tasks of a location, kept current: tasks arrive from the server by sync, and
// another desk may close one at any moment.
import { useCallback, useEffect, useState } from 'react';
import { invoke, subscribe, type ApiErrorBody, type ApiOutput } from '../api/client';

export type StaffTask = ApiOutput<'tasks.list'>[number];

export function useOpenTasks(locationId: string | null): { tasks: StaffTask[] | null; error: ApiErrorBody | null; reload(): void } {
  const [tasks, setTasks] = useState<StaffTask[] | null>(null);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const reload = useCallback(() => {
    if (!locationId) return;
    void invoke('tasks.list', { locationId }).then((r) => {
      if (!r.ok) return setError(r.error);
      setError(null);
      setTasks(r.value);
    });
  }, [locationId]);
  useEffect(reload, [reload]);
  useEffect(() => subscribe((event) => {
    if (event.type === 'changed' && event.tables.some((t) => t === 'staff_tasks' || t === 'appointments' || t === 'patients')) reload();
  }), [reload]);
  return { tasks, error, reload };
}
