// The desk's keyboard shortcuts, once: the key handler and the help overlay both read this
// table, so the overlay cannot list a shortcut that does nothing or miss one that works.
import type { MessageKey } from '../i18n/translate';

export type ShortcutAction = 'newAppointment' | 'today' | 'previous' | 'next' | 'findPatient' | 'checkIn' | 'waitlist' | 'help';

export interface Shortcut {
  action: ShortcutAction;
  /** KeyboardEvent.key values, compared case-insensitively. */
  keys: readonly string[];
  /** What the overlay shows for the key, and how a screen reader says it. */
  display: string;
  spoken: MessageKey;
  label: MessageKey;
}

export const shortcuts: readonly Shortcut[] = [
  { action: 'newAppointment', keys: ['n'], display: 'N', spoken: 'key.n', label: 'shortcut.newAppointment' },
  { action: 'today', keys: ['t'], display: 'T', spoken: 'key.t', label: 'shortcut.today' },
  { action: 'previous', keys: ['arrowleft'], display: '←', spoken: 'key.left', label: 'shortcut.previous' },
  { action: 'next', keys: ['arrowright'], display: '→', spoken: 'key.right', label: 'shortcut.next' },
  { action: 'findPatient', keys: ['/'], display: '/', spoken: 'key.slash', label: 'shortcut.findPatient' },
  { action: 'checkIn', keys: ['c'], display: 'C', spoken: 'key.c', label: 'shortcut.checkIn' },
  { action: 'waitlist', keys: ['w'], display: 'W', spoken: 'key.w', label: 'shortcut.waitlist' },
  { action: 'help', keys: ['?'], display: '?', spoken: 'key.question', label: 'shortcut.help' },
];

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * The action a key press asks for, or null. Keys typed into a field, chords with Ctrl, Alt
 * or Meta (the browser's and the system's), and presses while a dialog is open are not
 * shortcuts. Shift is allowed: "?" needs it on most layouts.
 */
export function shortcutFor(event: KeyboardEvent): ShortcutAction | null {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return null;
  if (document.querySelector('dialog[open]')) return null;
  const key = event.key.toLowerCase();
  // Arrow keys already mean something inside composite widgets (the view tabs, radio groups).
  if (key.startsWith('arrow') && event.target instanceof Element && event.target.closest('[role=tablist], [role=radiogroup], [role=listbox], [role=grid], [role=menu]')) return null;
  return shortcuts.find((s) => s.keys.includes(key))?.action ?? null;
}

export function shortcutKey(action: ShortcutAction): Shortcut {
  const shortcut = shortcuts.find((s) => s.action === action);
  if (!shortcut) throw new Error(`No shortcut for ${action}.`);
  return shortcut;
}
