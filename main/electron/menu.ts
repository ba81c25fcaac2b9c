// The application menu as data: what the shell offers, and the keys for it. Every accelerator
// has a modifier: macOS registers menu accelerators even when told not to, and a bare "N"
// there would fire "New appointment" whenever a receptionist typed an n into a patient's name.
// The page keeps its own single-key shortcuts (N, T, ...) for when no field has focus.
import type { MenuItemConstructorOptions } from 'electron';
import type { DeviceRole } from '../clinic';
import type { MenuCommand } from './bridge';

export interface MenuOptions {
  platform: NodeJS.Platform;
  role: DeviceRole;
  /** Reload and developer tools, for a developer's run only. */
  isDevelopment: boolean;
}

interface CommandItem {
  command: MenuCommand;
  label: string;
  accelerator: string;
}

export const commandItems: readonly CommandItem[] = [
  { command: 'newAppointment', label: 'New appointment…', accelerator: 'CmdOrCtrl+N' },
  { command: 'checkIn', label: 'Check in selected appointment', accelerator: 'CmdOrCtrl+I' },
  { command: 'findPatient', label: 'Find patient…', accelerator: 'CmdOrCtrl+F' },
  // Not CmdOrCtrl+W: that closes the window everywhere else, and muscle memory would follow.
  { command: 'waitlist', label: 'Waitlist', accelerator: 'CmdOrCtrl+Alt+W' },
  { command: 'today', label: 'Today', accelerator: 'CmdOrCtrl+T' },
  // Brackets, not arrows: Alt/Cmd+arrows move the caret by word or line in a text field.
  { command: 'previous', label: 'Previous', accelerator: 'CmdOrCtrl+[' },
  { command: 'next', label: 'Next', accelerator: 'CmdOrCtrl+]' },
  { command: 'lock', label: 'Lock the desk', accelerator: 'CmdOrCtrl+L' },
  { command: 'help', label: 'Keyboard shortcuts', accelerator: 'CmdOrCtrl+/' },
];

function item(command: MenuCommand): MenuItemConstructorOptions {
  const found = commandItems.find((c) => c.command === command);
  if (!found) throw new Error(`No menu item for ${command}.`);
  return { id: found.command, label: found.label, accelerator: found.accelerator };
}

/** null: no menu at all, as on a kiosk, where a patient must not reach Quit or View. */
export function buildMenuTemplate({ platform, role, isDevelopment }: MenuOptions): MenuItemConstructorOptions[] | null {
  if (role === 'kiosk') return null;
  const isMac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) template.push({ role: 'appMenu' });
  template.push(
    {
      label: '&Desk',
      submenu: [item('lock'), { type: 'separator' }, isMac ? { role: 'close' } : { role: 'quit' }],
    },
    // Cut, copy and paste in text fields only work on macOS when the menu has them.
    { role: 'editMenu' },
    {
      label: '&Appointments',
      submenu: [item('newAppointment'), item('checkIn'), { type: 'separator' }, item('findPatient'), item('waitlist')],
    },
    {
      label: '&View',
      submenu: [
        item('today'),
        item('previous'),
        item('next'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(isDevelopment ? [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }] : []),
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [item('help')] },
  );
  return template;
}

/** Gives each command item its click; the caller decides where the command goes (the focused desk window). */
export function attachCommands(template: MenuItemConstructorOptions[], onCommand: (command: MenuCommand) => void): MenuItemConstructorOptions[] {
  const commands = new Set<string>(commandItems.map((c) => c.command));
  const walk = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] => items.map((entry) => {
    const submenu = Array.isArray(entry.submenu) ? walk(entry.submenu) : entry.submenu;
    const withSubmenu = submenu === undefined ? { ...entry } : { ...entry, submenu };
    if (entry.id && commands.has(entry.id)) {
      const command = entry.id as MenuCommand;
      withSubmenu.click = () => onCommand(command);
    }
    return withSubmenu;
  });
  return walk(template);
}
