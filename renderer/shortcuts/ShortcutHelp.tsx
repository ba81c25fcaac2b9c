// The "?" overlay: every shortcut from the one table, in the desk's language.
import { useI18n } from '../i18n/I18nProvider';
import { Dialog } from '../ui/Dialog';
import { shortcuts } from './shortcuts';

export function ShortcutHelp({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  return (
    <Dialog title={t('shortcut.title')} onClose={onClose} description={t('shortcut.description')}>
      <table className="shortcut-table">
        <thead>
          <tr><th scope="col">{t('shortcut.key')}</th><th scope="col">{t('shortcut.action')}</th></tr>
        </thead>
        <tbody>
          {shortcuts.map((s) => (
            <tr key={s.action}>
              <td><kbd aria-hidden="true">{s.display}</kbd><span className="visually-hidden">{t(s.spoken)}</span></td>
              <td>{t(s.label)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
