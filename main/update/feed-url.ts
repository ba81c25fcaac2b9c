// Where a device looks for updates: its own clinic's sync server, on the channel IT chose
// for it. The installers' built-in app-update.yml cannot know the clinic's address, so the
// shell passes this to autoUpdater.setFeedURL({ provider: 'generic', url }) at start-up.
export type UpdateChannel = 'stable' | 'pilot';

export function updateFeedUrl(serverUrl: string, channel: UpdateChannel): string {
  return `${serverUrl.replace(/\/+$/, '')}/v1/updates/${channel}`;
}
