package dev.gamingapi.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.impl.NatsMessage;
import org.junit.jupiter.api.Test;

class HandOffTest {
  private static JournalRecord.Stored message(String subject) {
    return new JournalRecord.Stored(
        NatsMessage.builder().subject(subject).data(new byte[0]).build(), 0);
  }

  @Test
  void aMessageIsTakenOnlyAtItsOwnPositionAndStaleOnesAreDropped() {
    HandOff handOff = new HandOff(4);
    handOff.offer(100, message("a"));
    handOff.offer(200, message("b"));
    handOff.offer(300, message("c"));

    assertThat(handOff.take(50)).as("before the first entry: decode from the journal").isNull();
    assertThat(handOff.take(200).message().getSubject())
        .as("100 is stale once the cursor is at 200")
        .isEqualTo("b");
    assertThat(handOff.take(250)).isNull();
    assertThat(handOff.take(300).message().getSubject()).isEqualTo("c");
    assertThat(handOff.take(300)).as("taken once").isNull();
  }

  @Test
  void aFullHandOffDropsNewMessagesInsteadOfBlocking() {
    HandOff handOff = new HandOff(1);
    handOff.offer(100, message("a"));
    handOff.offer(200, message("b"));

    assertThat(handOff.take(100).message().getSubject()).isEqualTo("a");
    assertThat(handOff.take(200)).as("dropped when full: the sender decodes it").isNull();
  }
}
