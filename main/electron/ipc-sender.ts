// Who may call the API over IPC: only the top frame of a window this app created, showing
// the desk. A frame inside the page (an ad, a PDF viewer, an injected iframe) or a window
// that navigated away shares the process but not our trust.
import { isAppUrl } from './app-protocol';

export interface SenderFrameLike {
  url: string;
  /** null for a top-level frame. */
  parent: unknown;
}

export interface IpcEventLike {
  /** Electron gives null when the frame has navigated or been destroyed since it sent. */
  senderFrame: SenderFrameLike | null;
  sender: { id: number };
}

export function isTrustedSender(event: IpcEventLike, deskContentsIds: ReadonlySet<number>): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.parent !== null) return false;
  if (!deskContentsIds.has(event.sender.id)) return false;
  return isAppUrl(frame.url);
}
