package dev.gotrace.core.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gotrace.core.ParsedGolden;
import dev.gotrace.core.TestData;
import dev.gotrace.core.format.TraceFormatException;
import dev.gotrace.core.event.TraceSink;
import dev.gotrace.core.wire.EventType;
import dev.gotrace.core.wire.Uvarint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Cut and corrupted traces. Cuts at every batch boundary and inside every batch header and
 * payload must keep exactly what Go's {@code cmd/trace} keeps (events, valid bytes, error message;
 * recorded from Go in {@code testdata/decoder/*.cuts.txt}). Random byte flips may only ever raise
 * {@link TraceFormatException}.
 */
class TruncationTest {
  private static final Path DIR = TestData.root().resolve("decoder");
  private static final TraceSink IGNORE = e -> { };

  @TestFactory
  Stream<DynamicTest> cutsKeepWhatGoKeeps() throws IOException {
    List<Path> cuts;
    try (Stream<Path> files = Files.list(DIR)) {
      cuts = files.filter(p -> p.toString().endsWith(".cuts.txt")).sorted().toList();
    }
    assertFalse(cuts.isEmpty(), "no *.cuts.txt in " + DIR);
    return cuts.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> checkCuts(p)));
  }

  private static void checkCuts(Path cutsFile) throws IOException {
    String base = cutsFile.getFileName().toString().replace(".cuts.txt", "");
    byte[] trace = Files.readAllBytes(DIR.resolve(base + ".trace"));
    boolean terminated = new String(trace, 0, 16, StandardCharsets.US_ASCII).startsWith("go 1.26");
    long[] syncEnds = terminated ? eventsThroughEachSync(DIR.resolve(base + ".parsed.txt.gz")) : null;
    for (String line : Files.readAllLines(cutsFile)) {
      String[] f = line.split(" ", 4);
      int offset = Integer.parseInt(f[0]);
      long kept = Long.parseLong(f[1]);
      long valid = Long.parseLong(f[2]);
      String outcome = f[3];
      byte[] prefix = Arrays.copyOf(trace, offset);
      String where = base + " cut at " + offset;
      if (kept < 0) {
        TraceFormatException e = assertThrows(TraceFormatException.class,
            () -> new TraceReader(ReadOptions.lenient()).read(prefix, IGNORE), where);
        assertMessage(outcome, e, where);
        continue;
      }
      TraceReadResult r = new TraceReader(ReadOptions.lenient()).read(prefix, IGNORE);
      assertEquals(kept, r.eventCount(), where + ": events kept");
      assertEquals(valid, r.validBytes(), where + ": valid bytes");
      if (outcome.equals("ok")) {
        assertNull(r.error(), where);
      } else {
        assertTrue(r.truncated(), where);
        assertMessage(outcome, r.error(), where);
      }
      if (terminated) {
        // A 1.26 trace keeps exactly its complete generations and one closing Sync.
        assertEquals(syncEnds[completeGenerations(trace, offset)], r.eventCount(), where + ": complete generations");
      }
    }
  }

  private static void assertMessage(String goOutcome, TraceFormatException e, String where) {
    String expected = goOutcome.substring("error ".length());
    if (expected.endsWith(" ...")) {
      // Go appends dumps of its maps (in random order); compare the fixed part.
      assertTrue(e.detail().startsWith(expected.substring(0, expected.length() - 4)), where + ": " + e.detail());
    } else {
      assertEquals(expected, e.detail(), where);
    }
  }

  /** For the n-th Sync (0-based) of the golden, the number of events up to and including it. */
  private static long[] eventsThroughEachSync(Path golden) throws IOException {
    List<Long> ends = new ArrayList<>();
    long[] events = {0};
    ParsedGolden.forEachEvent(golden, e -> {
      events[0]++;
      if (e.kind().equals("Sync")) ends.add(events[0]);
    });
    return ends.stream().mapToLong(Long::longValue).toArray();
  }

  /** EndOfGeneration bytes wholly inside {@code data[0, end)}, walking the batch framing. */
  private static int completeGenerations(byte[] data, int end) {
    Uvarint varint = new Uvarint();
    int count = 0;
    int p = 16;
    while (p < end) {
      int type = data[p++] & 0xff;
      if (type == EventType.END_OF_GENERATION) {
        count++;
        continue;
      }
      if (type == EventType.EXPERIMENTAL_BATCH) p++; // its experiment byte
      // gen, m, time, then the payload size.
      for (int i = 0; i < 4; i++) p += varint.decode(data, p, data.length);
      p += (int) varint.value();
    }
    return count;
  }

  private static void readAllowingFormatErrors(byte[] input, ReadOptions options) {
    try {
      new TraceReader(options).read(input, IGNORE);
    } catch (TraceFormatException expected) {
      // The only acceptable failure.
    }
  }

  @Test
  void flippedBytesRaiseOnlyTraceFormatException() throws IOException {
    Random random = new Random(20240601);
    for (String name : List.of("stress-go1.22", "stress-go1.25", "stress-go1.27")) {
      byte[] trace = Files.readAllBytes(DIR.resolve(name + ".trace"));
      for (int i = 0; i < 100; i++) {
        byte[] bad = trace.clone();
        int flips = 1 + random.nextInt(3);
        for (int k = 0; k < flips; k++) {
          int at = 16 + random.nextInt(bad.length - 16);
          bad[at] = (byte) (random.nextBoolean() ? random.nextInt(256) : bad[at] ^ (1 << random.nextInt(8)));
        }
        int length = random.nextInt(4) == 0 ? 16 + random.nextInt(bad.length - 16) : bad.length;
        byte[] input = Arrays.copyOf(bad, length);
        readAllowingFormatErrors(input, ReadOptions.lenient());
        if (i % 5 == 0) readAllowingFormatErrors(input, ReadOptions.strict());
      }
    }
  }
}
