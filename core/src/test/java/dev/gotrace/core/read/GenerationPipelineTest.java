package dev.gotrace.core.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gotrace.core.TestData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reading thread of {@link GenerationPipeline}: the sink runs on the caller's thread, a sink
 * that fails stops the reader (no thread left behind, no hang), and a reader reused for a second
 * pass sees the same events. Event equality with Go itself is {@code GoldenEventTest}'s job.
 */
class GenerationPipelineTest {
  private static final Path TRACE = TestData.root().resolve("traces/go1.27/mix.trace");

  @Test
  void sinkRunsOnTheCallersThread() throws Exception {
    Thread caller = Thread.currentThread();
    List<Thread> seen = new ArrayList<>();
    new TraceReader(ReadOptions.lenient()).read(TRACE, e -> { if (seen.isEmpty()) seen.add(Thread.currentThread()); });
    assertSame(caller, seen.get(0));
  }

  @Test
  void failingSinkStopsTheReadingThread() throws Exception {
    IllegalStateException stop = new IllegalStateException("sink gives up");
    int[] calls = {0};
    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> new TraceReader(ReadOptions.lenient()).read(TRACE, e -> { if (++calls[0] == 1000) throw stop; }));
    assertSame(stop, thrown);
    assertEquals(1000, calls[0]);
    assertFalse(decodeThreadAlive(), "the reading thread outlived the failed read");
  }

  @Test
  void repeatedReadsDeliverTheSameEvents() throws Exception {
    long[] first = digest();
    long[] second = digest();
    assertEquals(first[0], second[0]);
    assertEquals(first[1], second[1]);
    assertTrue(first[0] > 10_000, "mix.trace has " + first[0] + " events");
  }

  private static long[] digest() throws Exception {
    long[] d = {0, 0};
    new TraceReader(ReadOptions.lenient()).read(TRACE, e -> {
      d[0]++;
      d[1] = d[1] * 31 + e.time() * 7 + e.kind().ordinal() + e.goroutine();
    });
    return d;
  }

  private static boolean decodeThreadAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals("gotrace-decode") && t.isAlive());
  }
}
