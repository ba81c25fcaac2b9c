// Where a patient can be in the check-in, and which screen a lookup leads to. A miss is not a
// screen: the form stays, with the same words whatever the cause (see FindFeedback).
import type { KioskAppointment } from './kiosk-api';

export type Screen =
  | { name: 'welcome' }
  | { name: 'findByCode'; scannedCode?: string }
  | { name: 'findByName' }
  | { name: 'confirm'; appointment: KioskAppointment }
  | { name: 'done'; appointment: KioskAppointment; wasAlreadyCheckedIn: boolean }
  | { name: 'tooEarly'; appointment: KioskAppointment; opensAt: string }
  | { name: 'seeDesk' }
  | { name: 'startOver' }
  | { name: 'problem' };

export const welcome: Screen = { name: 'welcome' };

export function screenForAppointment(appointment: KioskAppointment): Screen {
  switch (appointment.checkIn) {
    case 'open': return { name: 'confirm', appointment };
    case 'too_early': return { name: 'tooEarly', appointment, opensAt: appointment.checkInOpensAt };
    case 'checked_in': return { name: 'done', appointment, wasAlreadyCheckedIn: true };
    case 'see_desk': return { name: 'seeDesk' };
  }
}
