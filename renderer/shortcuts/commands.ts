// The Electron application menu's commands (main/electron/menu.ts) as the desk's actions: the
// same actions the single-key shortcuts run, plus locking the desk, which has no single key.
// The names arrive as plain strings over the preload; anything unknown is ignored rather than
// trusted.
import type { ShortcutAction } from './shortcuts';

export type DeskCommand = ShortcutAction | 'lock';

const menuCommands: Readonly<Record<string, DeskCommand>> = {
  newAppointment: 'newAppointment',
  checkIn: 'checkIn',
  findPatient: 'findPatient',
  waitlist: 'waitlist',
  today: 'today',
  previous: 'previous',
  next: 'next',
  lock: 'lock',
  help: 'help',
};

export function actionForMenuCommand(command: unknown): DeskCommand | null {
  return typeof command === 'string' && Object.hasOwn(menuCommands, command) ? menuCommands[command]! : null;
}
