package dev.gotrace.core.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Varints behave as Go's {@code binary.ReadUvarint}, including the runtime's padded encodings. */
class ByteReaderTest {
  private static ByteReader reader(int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < b.length; i++) b[i] = (byte) bytes[i];
    return new ByteReader(b, 0, b.length, 100);
  }

  @Test
  void acceptsTenBytePaddedVarint() {
    // How the runtime writes a batch size of 5 (varintAt in runtime/tracebuf.go), then a 1.
    ByteReader r = reader(0x85, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00, 0x01);
    assertEquals(5, r.readUvarint());
    assertEquals(110, r.offset());
    assertEquals(1, r.readUvarint());
  }

  @Test
  void decodesMaxUint64() {
    assertEquals(-1L, reader(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01).readUvarint());
  }

  @Test
  void reportsGoErrors() {
    assertEquals(WireException.OVERFLOW, assertThrows(WireException.class,
        () -> reader(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02).readUvarint()).getMessage());
    assertEquals(WireException.OVERFLOW, assertThrows(WireException.class,
        () -> reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00).readUvarint()).getMessage());
    assertEquals(WireException.EOF, assertThrows(WireException.class, () -> reader().readUvarint()).getMessage());
    assertEquals(WireException.UNEXPECTED_EOF,
        assertThrows(WireException.class, () -> reader(0x80).readUvarint()).getMessage());
  }

  @Test
  void readsAVarintAcrossAChannelBufferAndThroughTheModel() throws Exception {
    // 2^18 - 1 filler bytes put the two-byte varint 300 across the channel buffer's end.
    byte[] data = new byte[(1 << 18) + 1];
    data[data.length - 2] = (byte) 0xac;
    data[data.length - 1] = 0x02;
    ByteReader r = new ByteReader(java.nio.channels.Channels.newChannel(new java.io.ByteArrayInputStream(data)));
    r.read(new byte[data.length - 2], 0, data.length - 2);
    assertEquals(300, r.readUvarint());
    assertEquals(data.length, r.offset());
    assertEquals(WireException.EOF, assertThrows(WireException.class, r::readUvarint).getMessage());
  }
}
