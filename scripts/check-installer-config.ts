// Checks electron-builder.yml for the settings this project's security depends on, and
// validates it with electron-builder's own schema. Runs without the Electron binary.
//   npx tsx scripts/check-installer-config.ts [electron-builder.yml]
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'app-builder-lib';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { getConfig } from 'app-builder-lib/out/util/config/load.js';

export const requiredFuses = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  onlyLoadAppFromAsar: true,
  enableEmbeddedAsarIntegrityValidation: true,
  enableCookieEncryption: true,
} as const;

/** Native modules: each must be unpacked from the asar, or it cannot be loaded. */
export const nativeModules = ['better-sqlite3', 'better-sqlite3-multiple-ciphers', 'keytar', 'argon2'];

// A signing secret in the repository would be readable by everyone with a clone.
const secretKeys = /^(certificateFile|certificatePassword|certificateSubjectName|certificateSha1|cscLink|cscKeyPassword|cscInstallerLink|cscInstallerKeyPassword|password|appleId|appleIdPassword|appleApiKey|appleApiKeyId|appleApiIssuer|teamId|identity)$/;

function findSecretKeys(value: unknown, path: string[] = []): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => findSecretKeys(v, [...path, String(i)]));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => (secretKeys.test(k) ? [[...path, k].join('.')] : []).concat(findSecretKeys(v, [...path, k])));
}

function targetsOf(target: unknown): string[] {
  const list = Array.isArray(target) ? target : target ? [target] : [];
  return list.map((t) => (typeof t === 'string' ? t : (t as { target: string }).target));
}

/** Every problem found, in words; empty when the configuration is as this project needs it. */
export function checkInstallerConfig(config: Configuration): string[] {
  const problems: string[] = [];
  const fuses = (config.electronFuses ?? {}) as Record<string, boolean | undefined>;
  for (const [fuse, wanted] of Object.entries(requiredFuses)) {
    if (fuses[fuse] !== wanted) problems.push(`electronFuses.${fuse} must be ${wanted} (is ${fuses[fuse] ?? 'unset'}).`);
  }
  if (config.asar === false) problems.push('asar must not be false: onlyLoadAppFromAsar and asar integrity need the archive.');
  const unpacked = [config.asarUnpack ?? []].flat();
  for (const module of nativeModules) {
    if (!unpacked.includes(`node_modules/${module}/**/*`)) problems.push(`asarUnpack must include "node_modules/${module}/**/*" (a native module cannot load from inside the asar).`);
  }
  for (const key of findSecretKeys(config)) problems.push(`${key}: signing material must come from the build machine's environment, never from the repository.`);

  const has = (list: unknown, wanted: string[]) => wanted.every((t) => targetsOf(list).includes(t));
  if (!has(config.win?.target, ['nsis', 'msi'])) problems.push('win.target must include nsis and msi.');
  if (config.nsis?.perMachine !== true) problems.push('nsis.perMachine must be true (installed for every user, updatable by IT).');
  if (!has(config.mac?.target, ['dmg', 'zip'])) problems.push('mac.target must include dmg and zip (zip is what the macOS updater downloads).');
  if (config.mac?.hardenedRuntime !== true) problems.push('mac.hardenedRuntime must be true (notarization requires it).');
  if (!config.mac?.entitlements) problems.push('mac.entitlements must name the entitlements file.');
  if (config.mac?.notarize !== true) problems.push('mac.notarize must be true.');
  if (!has(config.linux?.target, ['AppImage', 'deb'])) problems.push('linux.target must include AppImage and deb.');

  const publish = [config.publish ?? []].flat() as { provider?: string; url?: string }[];
  if (publish.length !== 1 || publish[0]?.provider !== 'generic' || !/\/v1\/updates\/(stable|pilot)$/.test(publish[0]?.url ?? '')) {
    problems.push('publish must be one generic provider whose url ends in /v1/updates/<channel> (the clinic sync server\'s feed).');
  }
  return problems;
}

export async function loadInstallerConfig(file: string): Promise<Configuration> {
  const read = await getConfig<Configuration>({ packageKey: 'build', configFilename: 'electron-builder', projectDir: dirname(file), packageMetadata: null }, file);
  if (!read) throw new Error(`${file} was not found.`);
  return read.result;
}

/** electron-builder's own schema check; throws with its message when the file does not fit. */
export async function validateWithElectronBuilder(config: Configuration): Promise<void> {
  await validateConfiguration(config, new DebugLogger(false));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = resolve(process.argv[2] ?? 'electron-builder.yml');
  const config = await loadInstallerConfig(file);
  await validateWithElectronBuilder(config);
  const problems = checkInstallerConfig(config);
  for (const p of problems) console.error(`${file}: ${p}`);
  if (problems.length > 0) process.exit(1);
  console.log(`${file}: valid for electron-builder; fuses, asar, signing, targets and update feed as required.`);
}
