package dev.gamingapi.agent.outlet.rcon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The packet layout, checked against bytes written out by hand from the protocol's description. */
class RconPacketTest {
  @Test
  void anAuthPacketIsLittleEndianSizeIdTypeBodyAndTwoNuls() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RconPacket.of(1, RconPacket.AUTH, "pw").writeTo(out);

    assertThat(HexFormat.of().formatHex(out.toByteArray()))
        .isEqualTo("0c000000" + "01000000" + "03000000" + "7077" + "0000");
  }

  @Test
  void anAnswerIsReadWithoutItsTerminators() throws IOException {
    byte[] bytes =
        HexFormat.of().parseHex("0d000000" + "ffffffff" + "00000000" + "6f6b21" + "0000");

    RconPacket packet = RconPacket.readFrom(new DataInputStream(new ByteArrayInputStream(bytes)));

    assertThat(packet.id()).isEqualTo(-1);
    assertThat(packet.type()).isEqualTo(RconPacket.RESPONSE_VALUE);
    assertThat(packet.text()).isEqualTo("ok!");
  }

  @Test
  void bytesThatAreNoPacketAreRefusedBeforeAllocatingTheirClaimedSize() {
    byte[] http = "HTTP/1.1 400 Bad Request\r\n".getBytes();

    assertThatThrownBy(
            () -> RconPacket.readFrom(new DataInputStream(new ByteArrayInputStream(http))))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("the answer is not an RCON packet (size ");
  }
}
