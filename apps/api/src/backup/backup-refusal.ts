/**
 * An expected refusal of a backup or a restore (a damaged file, a database that is not empty, an unknown workspace):
 * the command line prints its message as one line and exits with 1, without a stack trace.
 */
export class BackupRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupRefusal';
  }
}
