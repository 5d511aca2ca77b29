package dev.gamingapi.agent.tail;

/**
 * Where a tailer is in a file, durable across restarts.
 *
 * @param fileKey the file system's identity of the file (device and inode on Linux), to follow it
 *     through a rename
 * @param head a hash of the file's first line: a different first line under the same inode means
 *     the file was truncated or the inode reused, not that it grew
 * @param generation how many times this tailer saw the file truncated, so that lines written after
 *     a truncation never get the ids of the lines before it
 * @param offset the byte offset just past the last line handed on
 */
public record TailPosition(String fileKey, String head, long generation, long offset) {

  /** The identity of the file's content, part of every event id read from it. */
  public String identity() {
    return fileKey + "#" + head + "#" + generation;
  }

  TailPosition at(long newOffset) {
    return new TailPosition(fileKey, head, generation, newOffset);
  }
}
