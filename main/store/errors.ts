// Errors a person can act on. Each says what happened and what to do; none loses data.

export class StoreError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'StoreError';
  }
}

export const wrongKey = (file: string) =>
  new StoreError('wrong_key', `The schedule database at ${file} cannot be opened with this device's key. It was not modified. Restore the key from the keychain backup, or restore the database from a backup made on this device.`);

export const keyMissing = (file: string, keystore: string) =>
  new StoreError('key_missing', `The schedule database at ${file} exists but the ${keystore} has no key for it. Nothing was created or overwritten. Restore the key, or move the database aside to start this device afresh from the server.`);

export const keychainLocked = (file: string) =>
  new StoreError('keychain_locked', `The OS keychain returned no key for the existing schedule database at ${file}. The keychain is probably locked: unlock it (sign in to the desktop session) and start Frontdesk again. The database was not touched.`);

export const schemaTooNew = (file: string, found: number, known: number) =>
  new StoreError('schema_too_new', `The schedule database at ${file} was written by a newer Frontdesk (schema ${found}; this version knows ${known}). Update Frontdesk on this device; the database was not changed.`);
