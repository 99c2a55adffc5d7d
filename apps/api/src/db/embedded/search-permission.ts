import { chmod, stat } from "node:fs/promises";
import { dirname } from "node:path";

/**
 * When the api runs as root, PostgreSQL runs as the user "postgres", which must be able to
 * pass through every directory above its binaries and its cluster. A checkout in a private
 * directory (mode 0700, e.g. under /root or a temporary directory) would stop it. This
 * grants the search bit (x, not read) to others on those ancestors only, and says so.
 */
export async function grantSearchOnAncestors(
  path: string,
  onGrant: (directory: string) => void,
): Promise<void> {
  for (let directory = dirname(path); ; directory = dirname(directory)) {
    const { mode } = await stat(directory);
    if ((mode & 0o001) === 0) {
      await chmod(directory, mode | 0o001);
      onGrant(directory);
    }
    if (dirname(directory) === directory) return;
  }
}
