import { describe, expect, it } from 'vitest';
import { actionForMenuCommand } from './commands';
import { shortcuts } from './shortcuts';

// The names main/electron/menu.ts sends (renderer/ may not import main/electron/).
const menuCommands = ['newAppointment', 'checkIn', 'findPatient', 'waitlist', 'today', 'previous', 'next', 'lock', 'help'];

describe('menu commands', () => {
  it('runs every menu command as the desk action of the same name', () => {
    expect(menuCommands.map(actionForMenuCommand)).toEqual(menuCommands);
  });

  it('reaches every shortcut action from the menu, and adds only locking', () => {
    const reached = new Set(menuCommands.map(actionForMenuCommand));
    for (const s of shortcuts) expect(reached).toContain(s.action);
    expect([...reached].filter((a) => !shortcuts.some((s) => s.action === a))).toEqual(['lock']);
  });

  it('ignores names it does not know, including inherited ones', () => {
    for (const command of ['quit', 'toString', '__proto__', '', 42, null, undefined]) expect(actionForMenuCommand(command)).toBeNull();
  });
});
