// Rebooking from the manager's list goes through the desk's own appointment dialog (its
// "Reschedule…" offers the provider's open times), so there is one way to move a visit.
import { useEffect, useState } from 'react';
import { invoke, type ApiOutput } from '../../api/client';
import { PatientPanel } from '../../patients/PatientPanel';
import { AppointmentDialog } from '../../schedule/AppointmentDialog';
import { Dialog, ErrorMessage } from '../../ui/Dialog';
import { calendarDateIn } from '../../ui/time';
import { useManagerText } from '../i18n';
import type { OrphanView } from './types';
import { useShownError, type ShownError } from '../../i18n/api-errors';

type Location = ApiOutput<'schedule.locations'>[number];
type DaySummary = ApiOutput<'schedule.dayView'>['appointments'][number];

export function RebookDialog({ orphan, onClose }: { orphan: OrphanView; onClose(): void }) {
  const { t } = useManagerText();
  const shown = useShownError();
  const [found, setFound] = useState<{ location: Location; summary: DaySummary } | null>(null);
  const [patientId, setPatientId] = useState<string | null>(null);
  const [error, setError] = useState<ShownError>(null);

  useEffect(() => {
    void invoke('schedule.locations', {}).then(async (l) => {
      if (!l.ok) return setError(l.error);
      const location = l.value.find((x) => x.id === orphan.locationId);
      if (!location) return setError(t('hours.locationGone'));
      const day = await invoke('schedule.dayView', { locationId: location.id, date: calendarDateIn(orphan.startAt, location.timeZone) });
      if (!day.ok) return setError(day.error);
      const summary = day.value.appointments.find((a) => a.id === orphan.id);
      if (!summary) return setError(t('hours.appointmentGone'));
      setFound({ location, summary });
    });
  }, [orphan, t]);

  if (patientId && found) return <PatientPanel patientId={patientId} locationId={found.location.id} timeZone={found.location.timeZone} onClose={onClose} />;
  if (found) return <AppointmentDialog summary={found.summary} location={found.location} onClose={onClose} onOpenPatient={setPatientId} />;
  return (
    <Dialog title={orphan.patientName} onClose={onClose}>
      {error ? <ErrorMessage message={shown(error)} /> : <p>{t('common.loading')}</p>}
    </Dialog>
  );
}
