// This front-desk computer's own settings: kiosk tablets and printers. Shown to the roles
// that may change them (role-matrix.ts: receptionists, managers, admins); the API refuses
// everyone else anyway.
import { Dialog } from '../ui/Dialog';
import { KioskSettings } from './KioskSettings';
import { useSettingsText } from './messages';
import { PrinterSettings } from './PrinterSettings';
import './settings.css';

export const settingsRoles: readonly string[] = ['receptionist', 'manager', 'admin'];

interface SettingsDialogProps {
  locations: { id: string; name: string; timeZone: string }[];
  locationId: string | null;
  onClose(): void;
}

export function SettingsDialog({ locations, locationId, onClose }: SettingsDialogProps) {
  const { t } = useSettingsText();
  return (
    <Dialog title={t('title')} onClose={onClose} size="wide" description={t('description')}>
      <KioskSettings locations={locations} defaultLocationId={locationId} />
      <PrinterSettings />
    </Dialog>
  );
}
