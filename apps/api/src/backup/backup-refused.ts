/** A backup file or a target database that a restore will not use; the message says why. */
export class BackupRefusedError extends Error {
  override name = "BackupRefusedError";
}
