/**
 * Backup and restore of a whole platform: {@link dev.gamingapi.server.app.backup.PlatformBackup}
 * copies the database, the key vault and the data directory's secrets, then snapshots every
 * tenant's streams (in that order: the read models store the stream positions they applied up to);
 * {@link dev.gamingapi.server.app.backup.PlatformRestore} makes a new data directory from it, with
 * its own embedded broker, or onto a new external broker and database. What was copied is written
 * last, in {@link dev.gamingapi.server.app.backup.BackupManifest}.
 */
package dev.gamingapi.server.app.backup;
