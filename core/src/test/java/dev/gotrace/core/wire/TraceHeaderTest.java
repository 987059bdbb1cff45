package dev.gotrace.core.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gotrace.core.format.TraceFormatException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Header versions and Go's messages for the ones it rejects. */
class TraceHeaderTest {
  private static FormatVersion read(String header) {
    byte[] b = header.getBytes(StandardCharsets.ISO_8859_1);
    return TraceHeader.read(new ByteReader(b, 0, b.length, 0));
  }

  private static String error(String header) {
    return assertThrows(TraceFormatException.class, () -> read(header)).detail();
  }

  @Test
  void readsV2Versions() {
    assertEquals(FormatVersion.GO_1_22, read("go 1.22 trace\0\0\0"));
    assertEquals(FormatVersion.GO_1_23, read("go 1.23 trace\0\0\0"));
    assertEquals(FormatVersion.GO_1_25, read("go 1.25 trace\0\0\0"));
    assertEquals(FormatVersion.GO_1_26, read("go 1.26 trace\0\0\0"));
  }

  @Test
  void rejectsOthers() {
    assertEquals("unknown or unsupported trace version go 1.10", error("go 1.10 trace\0\0\0"));
    assertEquals("unknown or unsupported trace version go 1.24", error("go 1.24 trace\0\0\0"));
    assertEquals("bad file format: not a Go execution trace?", error("go 1.26 trace"));
    assertEquals("bad file format: not a Go execution trace?", error("PK\3\4 not a trace at all"));
  }
}
