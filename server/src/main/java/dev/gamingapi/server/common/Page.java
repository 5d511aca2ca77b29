package dev.gamingapi.server.common;

import java.util.List;

/**
 * One page of a list.
 *
 * @param items the items of this page
 * @param nextCursor where the next page starts, or null on the last page
 */
public record Page<T>(List<T> items, String nextCursor) {
  /** Copies the list. */
  public Page {
    items = List.copyOf(items);
  }
}
