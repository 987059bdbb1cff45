package dev.gotrace.core.conformance;

import dev.gotrace.core.wire.EventSpec;
import dev.gotrace.core.wire.EventSpecs;
import dev.gotrace.core.wire.FormatVersion;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Converts Go's text trace format ({@code internal/trace/raw/textreader.go}) to the binary
 * format as Go's {@code raw.Writer} does: one line per event, {@code Name arg=value ...}; stack
 * events are followed by one {@code pc= func= file= line=} line per frame, string and
 * experimental-batch events by a {@code data="..."} line. Every argument, the experiment id
 * included, is written as a minimal uvarint.
 */
final class TextTraceEncoder {
  private static final List<String> FRAME_FIELDS = List.of("pc", "func", "file", "line");

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final String[] lines;
  private int next;
  private FormatVersion version;

  private TextTraceEncoder(String text) { this.lines = text.split("\n", -1); }

  static byte[] encode(String text) {
    TextTraceEncoder e = new TextTraceEncoder(text);
    e.run();
    return e.out.toByteArray();
  }

  private void run() {
    String[] header = tokens(nextLine());
    if (header.length != 2 || !header[0].equals("Trace") || !header[1].startsWith("Go1.")) {
      throw new IllegalArgumentException("bad header");
    }
    version = FormatVersion.ofMinor(Long.parseLong(header[1].substring(4)));
    out.writeBytes(("go 1." + version.minor() + " trace\0\0\0").getBytes(StandardCharsets.US_ASCII));
    String line;
    while ((line = nextLine()) != null) {
      String[] tok = tokens(line);
      int type = EventSpecs.typeOf(tok[0]);
      if (type < 0 || version.eventName(type).startsWith("Invalid")) {
        throw new IllegalArgumentException("unidentified event: " + tok[0]);
      }
      EventSpec spec = EventSpecs.get(type);
      long[] args = args(tok, spec.args());
      out.write(type);
      for (long a : args) uvarint(a);
      if (spec.isStack()) {
        for (long i = 0; i < args[1]; i++) {
          for (long a : args(tokens("frame " + nextLine()), FRAME_FIELDS)) uvarint(a);
        }
      }
      if (spec.hasData()) {
        String data = nextLine().trim();
        if (!data.startsWith("data=")) throw new IllegalArgumentException("malformed data: " + data);
        byte[] bytes = GoQuoted.unquote(data.substring(5).trim());
        uvarint(bytes.length);
        out.writeBytes(bytes);
      }
    }
  }

  private static long[] args(String[] tok, List<String> names) {
    if (tok.length - 1 != names.size()) throw new IllegalArgumentException("wrong argument count: " + tok[0]);
    long[] v = new long[names.size()];
    for (int i = 0; i < v.length; i++) {
      String[] kv = tok[i + 1].split("=", 2);
      if (!kv[0].equals(names.get(i))) {
        throw new IllegalArgumentException("expected argument " + names.get(i) + ", got " + kv[0]);
      }
      v[i] = Long.parseUnsignedLong(kv[1]);
    }
    return v;
  }

  /** The next line that is not empty or a comment, or null. */
  private String nextLine() {
    while (next < lines.length) {
      String line = lines[next++];
      String t = line.strip();
      if (!t.isEmpty() && !t.startsWith("#")) return line;
    }
    return null;
  }

  private static String[] tokens(String line) { return line.strip().split("\\s+"); }

  private void uvarint(long v) {
    while (Long.compareUnsigned(v, 0x80) >= 0) {
      out.write((int) (v & 0x7f) | 0x80);
      v >>>= 7;
    }
    out.write((int) v);
  }
}
