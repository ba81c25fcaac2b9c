// Deny by default. A front desk needs no camera, microphone, location, notifications, MIDI,
// USB or clipboard reads from the page; printing and files go through the main process. A
// permission added here is a reviewed decision, with the reason beside it.
const grantedPermissions: ReadonlySet<string> = new Set<string>();

/** For setPermissionRequestHandler and setPermissionCheckHandler alike. */
export function isPermissionGranted(permission: string): boolean {
  return grantedPermissions.has(permission);
}
