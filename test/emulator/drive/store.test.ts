// Host-side tests of the Drive store the Drive and Docs services share.
import { createGasEnvironment } from '../../../emulator/index';
import { manifest } from '../manifest';

describe('Drive on the host side', () => {
  test('file ids are deterministic for a seed and differ between seeds', () => {
    const ids = (seed: number): string[] => {
      const env = createGasEnvironment({ seed });
      manifest()(env);
      const files = env.drive.drive.Files;
      return [
        files.create({ name: 'a', mimeType: 'application/vnd.google-apps.folder' }).id!,
        files.create({ name: 'b', mimeType: 'application/vnd.google-apps.folder' }).id!,
      ];
    };
    expect(ids(3)).toEqual(ids(3));
    expect(ids(3)).not.toEqual(ids(4));
    expect(new Set(ids(3)).size).toBe(2);
  });
});
