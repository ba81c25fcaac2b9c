// The way into the manager's screens, for managers and administrators only. Other roles see
// the desk exactly as before (the API refuses them anyway). The schedule unmounts while the
// manager area is open, so its single-key shortcuts cannot fire behind it.
import { useState, type ReactNode } from 'react';
import { useManagerText } from './i18n';
import { ManagerArea } from './ManagerArea';
import './manager.css';

const managerRoles: readonly string[] = ['manager', 'admin'];

export function isManagerRole(role: string): boolean {
  return managerRoles.includes(role);
}

export function ManageSwitch({ role, children }: { role: string; children: ReactNode }) {
  const { t } = useManagerText();
  const [isManaging, setIsManaging] = useState(false);
  if (!isManagerRole(role)) return <>{children}</>;
  return (
    <>
      <nav className="area-nav" aria-label={t('nav.areas')}>
        <button type="button" className="button-quiet" aria-current={isManaging ? undefined : 'page'} onClick={() => setIsManaging(false)}>{t('nav.schedule')}</button>
        <button type="button" className="button-quiet" aria-current={isManaging ? 'page' : undefined} onClick={() => setIsManaging(true)}>{t('nav.manage')}</button>
      </nav>
      {isManaging ? <ManagerArea /> : children}
    </>
  );
}
