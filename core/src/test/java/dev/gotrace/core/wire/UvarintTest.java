package dev.gotrace.core.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The one varint decoder answers as Go's {@code binary.Uvarint}: n > 0 used, 0 short, < 0 overflow. */
class UvarintTest {
  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < b.length; i++) b[i] = (byte) values[i];
    return b;
  }

  @Test
  void decodesFromAPositionWithinALimit() {
    Uvarint u = new Uvarint();
    byte[] data = bytes(0x7f, 0xac, 0x02, 0x05);
    assertEquals(2, u.decode(data, 1, 4));
    assertEquals(300, u.value());
    assertEquals(0, u.decode(data, 1, 2), "cut by the limit");
  }

  @Test
  void acceptsPaddingAndMaxUint64() {
    Uvarint u = new Uvarint();
    assertEquals(10, u.decode(bytes(0x85, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00), 0, 10));
    assertEquals(5, u.value());
    assertEquals(10, u.decode(bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01), 0, 10));
    assertEquals(-1L, u.value());
  }

  @Test
  void overflowsAsGo() {
    Uvarint u = new Uvarint();
    assertEquals(-10, u.decode(bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02), 0, 10));
    assertEquals(-11, u.decode(bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00), 0, 11));
    assertEquals(0, u.decode(bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80), 0, 10));
  }
}
