// The desk's to-do list from the server's jobs: visits nobody has confirmed a day ahead,
// patients who asked for another time, reminders that may not have gone out. Each task says
// what to do, for which visit, and how to reach the patient; Done closes it on every desk.
import { useState } from 'react';
import { invoke } from '../api/client';
import { useApiError } from '../i18n/api-errors';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/translate';
import { Dialog, ErrorMessage } from '../ui/Dialog';
import { formatDateTime } from '../ui/time';
import type { StaffTask } from './useOpenTasks';

const kindLabels: Record<string, MessageKey> = {
  unconfirmed_appointment: 'tasks.kind.unconfirmed_appointment',
  reschedule_requested: 'tasks.kind.reschedule_requested',
  reminder_undeliverable: 'tasks.kind.reminder_undeliverable',
};

interface TasksPanelProps {
  location: { id: string; name: string; timeZone: string };
  tasks: StaffTask[] | null;
  loadError: string | null;
  onChanged(): void;
  onOpenPatient(patientId: string): void;
  onClose(): void;
}

export function TasksPanel({ location, tasks, loadError, onChanged, onOpenPatient, onClose }: TasksPanelProps) {
  const { t } = useI18n();
  const explain = useApiError();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // A kind added on the server after this desk was built still shows, in the server's words.
  const headline = (task: StaffTask) => (kindLabels[task.kind] ? t(kindLabels[task.kind]!) : task.title);

  async function done(task: StaffTask) {
    const result = await invoke('tasks.done', { taskId: task.id });
    if (!result.ok) return setError(explain(result.error));
    setError(null);
    setNotice(result.value.alreadyDone ? t('tasks.alreadyDone') : t('tasks.closed', { task: headline(task) }));
    onChanged();
  }

  return (
    <Dialog title={t('tasks.title')} onClose={onClose} size="wide" description={t('tasks.description', { location: location.name })}>
      <ErrorMessage message={error ?? loadError} />
      {notice ? <p role="status" className="message message-info">{notice}</p> : null}
      {tasks === null && !loadError ? <p>{t('common.loading')}</p> : null}
      {tasks?.length === 0 ? <p>{t('tasks.empty')}</p> : null}
      {tasks && tasks.length > 0 ? (
        <ul className="plain-list tasks" aria-label={t('tasks.title')}>
          {tasks.map((task) => {
            const a = task.appointment;
            const title = headline(task);
            return (
              <li key={task.id} className="waitlist-entry task">
                <div>
                  <p className="waitlist-patient">{title}</p>
                  {a ? (
                    <>
                      <p>{a.patientName ?? t('schedule.patientNotSynced')}</p>
                      <p>{t('tasks.visit', { service: a.serviceName ?? t('waitlist.service'), provider: a.providerName ?? t('waitlist.anyProvider'), when: formatDateTime(a.startAt, location.timeZone) })}</p>
                      <p>{a.patientPhone ? t('tasks.phone', { phone: a.patientPhone }) : t('tasks.noPhone')}</p>
                    </>
                  ) : <p className="hint">{t('tasks.noVisit')}</p>}
                  <p className="hint">{t('tasks.due', { when: formatDateTime(task.dueAt, location.timeZone) })}</p>
                </div>
                <div className="task-actions">
                  {a ? <button type="button" className="button-quiet" onClick={() => onOpenPatient(a.patientId)}>{t('tasks.openPatient')}</button> : null}
                  <button type="button" className="button-secondary" aria-label={t('tasks.doneNamed', { task: a?.patientName ? `${title} (${a.patientName})` : title })} onClick={() => void done(task)}>
                    {t('tasks.done')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
    </Dialog>
  );
}
