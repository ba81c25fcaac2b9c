// GET /v1/updates/<channel>/<file>: the clinic's own update feed, read by electron-updater's
// generic provider (feed URL <server>/v1/updates/<channel>). IT copies what electron-builder
// produced (latest*.yml, installers, .blockmap files) into <feed dir>/<channel>/, and sets
// the staged rollout in <feed dir>/<channel>/rollout.json. Nothing here is secret (the
// installers are signed, the yml carries their sha512), so the feed needs no device token:
// a device whose token was revoked can still be repaired by an update.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';

export const updateChannels = ['stable', 'pilot'] as const;
export type UpdateChannel = (typeof updateChannels)[number];

/** electron-updater's channel files: latest.yml (Windows), latest-mac.yml, latest-linux[-arch].yml. */
const channelFilePattern = /^latest(-mac|-linux(-[a-z0-9]+)?)?\.yml$/;
// No slash and no leading dot: a name can never leave the channel's folder. Spaces are
// allowed because electron-builder names the NSIS installer "Frontdesk Setup 1.2.0.exe".
const artifactPattern = /^[A-Za-z0-9][A-Za-z0-9._ +-]{0,199}$/;

export const rolloutSchema = z.object({
  stagingPercentage: z.number().int().min(0).max(100),
}).strict();
export type Rollout = z.infer<typeof rolloutSchema>;
export const ROLLOUT_FILE = 'rollout.json';

export class RolloutError extends Error {}

/** The channel's rollout, or null when none is set (every device takes the update). */
export async function readRollout(channelDir: string): Promise<Rollout | null> {
  let text: string;
  try {
    text = await readFile(join(channelDir, ROLLOUT_FILE), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new RolloutError(`${ROLLOUT_FILE} is not valid JSON.`);
  }
  const parsed = rolloutSchema.safeParse(json);
  if (!parsed.success) throw new RolloutError(`${ROLLOUT_FILE} must be {"stagingPercentage": <0 to 100>}.`);
  return parsed.data;
}

/**
 * The channel file with the rollout applied. electron-updater compares a per-installation
 * number with stagingPercentage; the percentage lives beside the feed rather than in the
 * yml so that IT can widen a rollout without editing what the build machine produced.
 * A top-level key appended at the end is valid YAML whatever came before it.
 */
export function withStagingPercentage(channelYml: string, rollout: Rollout | null): string {
  const kept = channelYml.split('\n').filter((line) => !/^stagingPercentage\s*:/.test(line)).join('\n').replace(/\s*$/, '\n');
  return rollout ? `${kept}stagingPercentage: ${rollout.stagingPercentage}\n` : kept;
}

function isChannel(value: string): value is UpdateChannel {
  return (updateChannels as readonly string[]).includes(value);
}

async function sendFile(reply: FastifyReply, path: string): Promise<FastifyReply | null> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return null;
  return reply.type('application/octet-stream').header('content-length', info.size).header('cache-control', 'no-cache').send(createReadStream(path));
}

export function registerUpdateRoutes(app: FastifyInstance, feedDir = process.env.FRONTDESK_UPDATE_FEED): void {
  app.get('/v1/updates/:channel/:file', async (request, reply) => {
    const { channel, file } = request.params as { channel: string; file: string };
    if (!feedDir) return reply.code(404).send({ message: 'This server does not serve updates: set FRONTDESK_UPDATE_FEED to the update folder.' });
    if (!isChannel(channel)) return reply.code(404).send({ message: `There is no update channel "${channel}"; channels are ${updateChannels.join(', ')}.` });
    const channelDir = join(feedDir, channel);

    if (channelFilePattern.test(file)) {
      let yml: string;
      try {
        yml = await readFile(join(channelDir, file), 'utf8');
      } catch {
        return reply.code(404).send({ message: `No ${file} in the ${channel} channel yet.` });
      }
      let rollout: Rollout | null;
      try {
        rollout = await readRollout(channelDir);
      } catch (e) {
        // A typo in the rollout must not turn into "everyone, now": offer nothing until fixed.
        if (e instanceof RolloutError) return reply.code(503).send({ message: `The ${channel} channel's ${e.message}` });
        throw e;
      }
      return reply.type('text/yaml; charset=utf-8').header('cache-control', 'no-store').send(withStagingPercentage(yml, rollout));
    }

    if (!artifactPattern.test(file) || file === ROLLOUT_FILE || file.endsWith('.yml')) return reply.code(404).send({ message: 'No such update file.' });
    return (await sendFile(reply, join(channelDir, file))) ?? reply.code(404).send({ message: 'No such update file.' });
  });
}
