package dev.gotrace.core.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.gotrace.core.ParsedGolden;
import dev.gotrace.core.TestData;
import dev.gotrace.core.read.ReadOptions;
import dev.gotrace.core.read.TraceReadResult;
import dev.gotrace.core.read.TraceReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A v1 trace reads as one generation between two Syncs. The event count, the generations (Syncs
 * less one), the first event's time and the final Sync's time are those of {@code go tool trace -d=parsed}
 * (testdata/golden/go1.NN/PROG.parsed.txt.gz), on every committed v1 trace.
 */
class V1ReadResultTest {
  @TestFactory
  Stream<DynamicTest> resultDescribesTheWholeTrace() throws IOException {
    List<Path> traces = new ArrayList<>();
    for (String version : new String[] {"go1.19", "go1.21"}) {
      try (Stream<Path> files = Files.list(TestData.root().resolve("traces/" + version))) {
        files.filter(p -> p.toString().endsWith(".trace")).sorted().forEach(traces::add);
      }
    }
    return traces.stream().map(trace -> DynamicTest.dynamicTest(trace.getParent().getFileName() + "/" + trace.getFileName(),
        () -> check(trace)));
  }

  private static void check(Path trace) throws IOException {
    String version = trace.getParent().getFileName().toString();
    Path golden = TestData.root().resolve("golden/" + version + "/" + trace.getFileName().toString()
        .replace(".trace", ".parsed.txt.gz"));
    long[] go = {0, 0, 0, 0}; // events, first time, last Sync time, Syncs
    ParsedGolden.forEachEvent(golden, e -> {
      if (go[0]++ == 0) go[1] = e.time();
      if (e.kind().equals("Sync")) {
        go[2] = e.time();
        go[3]++;
      }
    });
    TraceReadResult r = new TraceReader(ReadOptions.strict()).read(trace, e -> { });
    // The header "go 1.NN trace" names the format.
    assertEquals(new String(Files.readAllBytes(trace), 3, 4, StandardCharsets.US_ASCII), r.formatVersion());
    assertEquals(go[0], r.eventCount());
    assertEquals(go[3] - 1, r.generationCount());
    assertEquals(go[1], r.firstTime());
    assertEquals(go[2], r.lastTime());
    assertEquals(r.fileSize(), r.validBytes());
    assertFalse(r.truncated());
  }
}
