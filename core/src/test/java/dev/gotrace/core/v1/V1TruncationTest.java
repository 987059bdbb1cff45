package dev.gotrace.core.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gotrace.core.TestData;
import dev.gotrace.core.format.TraceFormatException;
import dev.gotrace.core.read.ReadOptions;
import dev.gotrace.core.read.TraceReader;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A v1 trace has its frequency and stacks in a footer, so Go cannot read a prefix of one that
 * stops before the footer: such a cut fails as a whole, with {@link TraceFormatException} and no
 * event delivered, even in lenient mode. A cut between two stack records of the footer is
 * readable (Go's reader returns every event; only some stacks are missing, which makes
 * {@code go tool trace -d=parsed} itself panic while printing, e.g. go1.19/annotations cut at 2106).
 */
class V1TruncationTest {
  /**
   * Every prefix of testdata/decoder/v1-cuts.txt (lines "trace length events message", written by
   * generate.sh from Go 1.27's {@code go tool trace -d=parsed} of the prefix) fails with Go's
   * message after delivering as many events as Go printed.
   */
  @TestFactory
  Stream<DynamicTest> prefixFailsWithGosMessage() throws IOException {
    return Files.readAllLines(TestData.root().resolve("decoder/v1-cuts.txt")).stream().map(line -> {
      String[] f = line.split(" ", 4);
      return DynamicTest.dynamicTest(f[0] + " cut at " + f[1], () -> {
        byte[] whole = Files.readAllBytes(TestData.root().resolve("traces/" + f[0] + ".trace"));
        byte[] prefix = Arrays.copyOf(whole, Integer.parseInt(f[1]));
        AtomicLong delivered = new AtomicLong();
        TraceFormatException e = assertThrows(TraceFormatException.class,
            () -> new TraceReader(ReadOptions.lenient()).read(prefix, ev -> delivered.incrementAndGet()));
        assertEquals(f[3], e.detail());
        assertEquals(Long.parseLong(f[2]), delivered.get());
      });
    });
  }

  /**
   * Many cut points, inside every kind of event: a TraceFormatException within the prefix, or,
   * for a cut inside the stack footer, every event of the whole trace.
   */
  @Test
  void everyCutIsAFormatErrorOrLosesOnlyStacks() throws IOException {
    for (String trace : new String[] {"go1.19/annotations", "go1.21/syscalls"}) {
      byte[] whole = Files.readAllBytes(TestData.root().resolve("traces/" + trace + ".trace"));
      long all = new TraceReader(ReadOptions.strict()).read(whole, ev -> { }).eventCount();
      int failures = 0;
      for (int length = 0; length < whole.length; length += 13) {
        byte[] prefix = Arrays.copyOf(whole, length);
        try {
          long events = new TraceReader(ReadOptions.strict()).read(prefix, ev -> { }).eventCount();
          assertEquals(all, events, trace + " cut at " + length);
        } catch (TraceFormatException e) {
          failures++;
          assertTrue(e.byteOffset() >= 0 && e.byteOffset() <= length, trace + " cut at " + length + ": " + e);
        }
      }
      assertTrue(failures > whole.length / 13 / 3, trace + ": only " + failures + " cuts failed");
    }
  }
}
