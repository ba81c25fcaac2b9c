// The sync server's update feed, read the way the app reads it: electron-updater's own
// GenericProvider resolves the channel file and builder-util-runtime's HttpExecutor
// downloads the artifact through its sha512 DigestTransform (the path AppUpdater's full
// download takes). Only the Electron-specific transport (Electron's net module) is
// replaced, by Node's http, because the Electron binary is not available to tests.
import { createHash, randomBytes } from 'node:crypto';
import { request, type ClientRequest } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestOptions } from 'node:http';
import { CancellationToken, HttpExecutor, type DownloadOptions, type UpdateInfo } from 'builder-util-runtime';
import { GenericProvider } from 'electron-updater/out/providers/GenericProvider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncServer, type SyncServer } from '../app';
import { openPgliteServerDb } from '../store/open-pglite';
import type { ServerDb } from '../store/server-db';
import { isInRollout } from '../../main/update/rollout';
import { updateFeedUrl } from '../../main/update/feed-url';

class NodeExecutor extends HttpExecutor<ClientRequest> {
  createRequest(options: RequestOptions, callback: (response: unknown) => void): ClientRequest {
    return request(options, callback);
  }

  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise((resolve, reject, onCancel) => {
      const requestOptions: RequestOptions = { protocol: url.protocol, hostname: url.hostname, port: url.port, path: url.pathname + url.search, headers: {} };
      this.doDownload(requestOptions, {
        destination, options, onCancel, responseHandler: null,
        callback: (error) => (error ? reject(error) : resolve(destination)),
      }, 0);
    });
  }
}

const root = mkdtempSync(join(tmpdir(), 'frontdesk-update-feed-'));
const feedDir = join(root, 'feed');
const installer = randomBytes(256 * 1024);
const pilotInstaller = randomBytes(64 * 1024);
const sha512 = (bytes: Buffer) => createHash('sha512').update(bytes).digest('base64');

/** What electron-builder writes beside a Linux build: the channel file and the AppImage. */
function publish(channel: string, version: string, fileName: string, bytes: Buffer): void {
  const dir = join(feedDir, channel);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, fileName), bytes);
  writeFileSync(join(dir, 'latest-linux.yml'), [
    `version: ${version}`,
    'files:',
    `  - url: ${fileName}`,
    `    sha512: ${sha512(bytes)}`,
    `    size: ${bytes.length}`,
    `path: ${fileName}`,
    `sha512: ${sha512(bytes)}`,
    "releaseDate: '2026-05-01T08:00:00.000Z'",
    '',
  ].join('\n'));
}

let db: ServerDb;
let server: SyncServer;
const env = { url: '' };
const executor = new NodeExecutor();

// Typed as Electron's executor, but the provider only calls request(), which HttpExecutor implements.
type ProviderRuntimeOptions = ConstructorParameters<typeof GenericProvider>[2];

function providerFor(channel: string): GenericProvider {
  // AppUpdater's fields that the provider reads; no Electron app behind them.
  const updater = { channel: null, isAddNoCacheQuery: false } as unknown as ConstructorParameters<typeof GenericProvider>[1];
  return new GenericProvider({ provider: 'generic', url: updateFeedUrl(env.url, channel as 'stable') }, updater, { executor: executor as unknown as ProviderRuntimeOptions['executor'], platform: 'linux', isUseMultipleRangeRequest: false });
}

async function latest(channel: string): Promise<{ info: UpdateInfo; url: URL; sha512: string }> {
  const provider = providerFor(channel);
  const info = await provider.getLatestVersion();
  const [file] = provider.resolveFiles(info);
  return { info, url: file!.url, sha512: file!.info.sha512 };
}

beforeAll(async () => {
  publish('stable', '1.2.0', 'Frontdesk-1.2.0.AppImage', installer);
  writeFileSync(join(feedDir, 'stable', 'rollout.json'), JSON.stringify({ stagingPercentage: 30 }));
  publish('pilot', '1.3.0-pilot.1', 'Frontdesk-1.3.0-pilot.1.AppImage', pilotInstaller);
  // The whole server, so the route's registration in app.ts is what is tested.
  process.env.FRONTDESK_UPDATE_FEED = feedDir;
  db = await openPgliteServerDb();
  server = await createSyncServer({ db });
  env.url = await server.listen(0);
});

afterAll(async () => {
  await server?.close();
  await db?.close();
  delete process.env.FRONTDESK_UPDATE_FEED;
  rmSync(root, { recursive: true, force: true });
});

describe('update feed', () => {
  it("serves each channel's latest version with the staged rollout percentage", async () => {
    const stable = await latest('stable');
    expect(stable.info.version).toBe('1.2.0');
    expect(stable.info.stagingPercentage).toBe(30);
    expect(stable.url.href).toBe(`${env.url}/v1/updates/stable/Frontdesk-1.2.0.AppImage`);

    const pilot = await latest('pilot');
    expect(pilot.info.version).toBe('1.3.0-pilot.1');
    expect(pilot.info.stagingPercentage).toBeUndefined();
  });

  it("downloads an artifact whose sha512 matches the channel file's", async () => {
    const { url, sha512: expected } = await latest('stable');
    const destination = join(root, 'downloaded.AppImage');
    await executor.download(url, destination, { sha512: expected, cancellationToken: new CancellationToken() });
    expect(readFileSync(destination).equals(installer)).toBe(true);
  });

  it('refuses an artifact that was tampered with on the server', async () => {
    const { url, sha512: expected } = await latest('stable');
    const tampered = Buffer.from(installer);
    tampered[1000] = tampered[1000]! ^ 0xff;
    writeFileSync(join(feedDir, 'stable', 'Frontdesk-1.2.0.AppImage'), tampered);
    try {
      const download = executor.download(url, join(root, 'tampered.AppImage'), { sha512: expected, cancellationToken: new CancellationToken() });
      await expect(download).rejects.toMatchObject({ code: 'ERR_CHECKSUM_MISMATCH' });
    } finally {
      writeFileSync(join(feedDir, 'stable', 'Frontdesk-1.2.0.AppImage'), installer);
    }
  });

  it('offers nothing while the rollout file is invalid, rather than offering it to everyone', async () => {
    writeFileSync(join(feedDir, 'pilot', 'rollout.json'), '{"stagingPercentage": "half"}');
    try {
      await expect(latest('pilot')).rejects.toMatchObject({ statusCode: 503 });
    } finally {
      rmSync(join(feedDir, 'pilot', 'rollout.json'));
    }
  });

  it('serves no file outside a channel folder and no unknown channel', async () => {
    writeFileSync(join(feedDir, 'secret.txt'), 'not for devices');
    for (const path of ['stable/..%2Fsecret.txt', 'stable/%2E%2E%2Fsecret.txt', 'stable/.hidden', 'stable/rollout.json', 'beta/latest.yml', 'stable/%2Fetc%2Fpasswd']) {
      const res = await fetch(`${env.url}/v1/updates/${path}`);
      expect(res.status, path).toBe(404);
    }
  });

  it('puts about the rollout percentage of devices in the rollout, and widening it keeps those already in', () => {
    const devices = Array.from({ length: 2000 }, (_, i) => `device-${i}`);
    const inRollout = devices.filter((d) => isInRollout(d, 30)).length;
    expect(inRollout).toBeGreaterThan(2000 * 0.25);
    expect(inRollout).toBeLessThan(2000 * 0.35);
    // Widening a rollout never drops a device that already had the update.
    expect(devices.filter((d) => isInRollout(d, 30) && !isInRollout(d, 60))).toEqual([]);
    expect(devices.every((d) => isInRollout(d, 100) && !isInRollout(d, 0))).toBe(true);
  });
});
