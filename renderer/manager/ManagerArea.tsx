// The manager's screens, one at a time, chosen from a list of sections.
import { useState, type ReactNode } from 'react';
import { LanguageToggle } from '../i18n/LanguageToggle';
import { CatalogAdmin } from './admin/CatalogAdmin';
import { DevicesAdmin } from './admin/DevicesAdmin';
import { PoliciesAdmin } from './admin/PoliciesAdmin';
import { ReminderRulesAdmin } from './admin/reminders/ReminderRulesAdmin';
import { StaffAdmin } from './admin/StaffAdmin';
import { Dashboard } from './analytics/Dashboard';
import { AuditViewer } from './audit/AuditViewer';
import { WorkingHours } from './hours/WorkingHours';
import { useManagerText, type ManagerKey } from './i18n';

const sections: { id: string; label: ManagerKey; render: () => ReactNode }[] = [
  { id: 'dashboard', label: 'section.dashboard', render: () => <Dashboard /> },
  { id: 'hours', label: 'section.hours', render: () => <WorkingHours /> },
  { id: 'audit', label: 'section.audit', render: () => <AuditViewer /> },
  { id: 'staff', label: 'section.staff', render: () => <StaffAdmin /> },
  { id: 'devices', label: 'section.devices', render: () => <DevicesAdmin /> },
  { id: 'policies', label: 'section.policies', render: () => <PoliciesAdmin /> },
  { id: 'reminders', label: 'section.reminders', render: () => <ReminderRulesAdmin /> },
  { id: 'catalog', label: 'section.catalog', render: () => <CatalogAdmin /> },
];

export function ManagerArea() {
  const { t } = useManagerText();
  const [current, setCurrent] = useState(sections[0]!.id);
  const section = sections.find((s) => s.id === current) ?? sections[0]!;
  return (
    <div className="manager">
      <nav className="manager-nav" aria-label={t('nav.sections')}>
        <span className="brand">Frontdesk</span>
        <ul>
          {sections.map((s) => (
            <li key={s.id}>
              <button type="button" className="button-quiet" aria-current={s.id === current ? 'page' : undefined} onClick={() => setCurrent(s.id)}>
                {t(s.label)}
              </button>
            </li>
          ))}
        </ul>
        <LanguageToggle />
      </nav>
      <main className="manager-main" aria-labelledby="manager-title">
        <h1 id="manager-title">{t(section.label)}</h1>
        {section.render()}
      </main>
    </div>
  );
}
