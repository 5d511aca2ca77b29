/**
 * Not API: the journal (memory-mapped segments, checkpoint, recovery), the sender thread, and
 * connection options. May change without notice.
 */
package dev.gamingapi.sdk.internal;
