import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuCommands, type MenuCommand } from './bridge';
import { attachCommands, buildMenuTemplate } from './menu';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

const frontDesk = (platform: NodeJS.Platform, isDevelopment = false) => buildMenuTemplate({ platform, role: 'front_desk', isDevelopment })!;

describe('the application menu', () => {
  it('offers every desk command exactly once, each with its shortcut', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      const items = flatten(frontDesk(platform)).filter((item) => item.id);
      expect(items.map((item) => item.id).sort()).toEqual([...menuCommands].sort());
      for (const item of items) expect(item.accelerator, item.id).toBeTruthy();
    }
  });

  it('has shortcuts for new appointment, today, previous/next day, find patient and check-in', () => {
    const accelerators = Object.fromEntries(flatten(frontDesk('linux')).filter((i) => i.id).map((i) => [i.id, i.accelerator]));
    expect(accelerators).toMatchObject({ newAppointment: 'CmdOrCtrl+N', today: 'CmdOrCtrl+T', previous: 'CmdOrCtrl+[', next: 'CmdOrCtrl+]', findPatient: 'CmdOrCtrl+F', checkIn: 'CmdOrCtrl+I' });
  });

  it('gives every accelerator a modifier, so typing into a field never fires a menu item', () => {
    const accelerators = flatten(frontDesk('darwin')).map((item) => item.accelerator).filter((a): a is string => Boolean(a));
    for (const accelerator of accelerators) expect(accelerator, accelerator).toMatch(/^(CmdOrCtrl|Ctrl|Cmd|Command|Alt|Option)\+/);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('keeps Edit (copy and paste in fields on macOS) and the macOS app menu', () => {
    const roles = frontDesk('darwin').map((item) => item.role);
    expect(roles).toContain('appMenu');
    expect(roles).toContain('editMenu');
    expect(frontDesk('win32').map((item) => item.role)).not.toContain('appMenu');
  });

  it('offers reload and developer tools only on a developer\'s run', () => {
    const roles = (isDevelopment: boolean) => flatten(frontDesk('linux', isDevelopment)).map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('has no menu at all on a kiosk', () => {
    expect(buildMenuTemplate({ platform: 'win32', role: 'kiosk', isDevelopment: true })).toBeNull();
  });

  it('sends a clicked item\'s command to the desk', () => {
    const sent: MenuCommand[] = [];
    const items = flatten(attachCommands(frontDesk('linux'), (command) => sent.push(command)));
    const click = (id: string) => (items.find((item) => item.id === id)?.click as () => void)();
    click('newAppointment');
    click('lock');
    expect(sent).toEqual(['newAppointment', 'lock']);
    // Roles keep Electron's own behaviour.
    expect(items.find((item) => item.role === 'zoomIn')?.click).toBeUndefined();
  });
});
