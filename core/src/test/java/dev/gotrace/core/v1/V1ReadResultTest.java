package dev.gotrace.core.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.gotrace.core.TestData;
import dev.gotrace.core.read.ReadOptions;
import dev.gotrace.core.read.TraceReadResult;
import dev.gotrace.core.read.TraceReader;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A v1 trace reads as one generation between two Syncs. Event counts and the final Sync's time
 * are those of {@code go tool trace -d=parsed} (testdata/golden/go1.NN/PROG.parsed.txt.gz).
 */
class V1ReadResultTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "go1.19 | chansync | 1.19 | 10870 | 661022082",
      "go1.21 | syscalls | 1.21 | 1291  | 145578640"})
  void resultDescribesTheWholeTrace(String version, String program, String format, long events, long lastSync)
      throws IOException {
    TraceReadResult r = new TraceReader(ReadOptions.strict())
        .read(TestData.root().resolve("traces/" + version + "/" + program + ".trace"), e -> { });
    assertEquals(format, r.formatVersion());
    assertEquals(events, r.eventCount());
    assertEquals(1, r.generationCount());
    assertEquals(-1, r.firstTime());
    assertEquals(lastSync, r.lastTime());
    assertEquals(r.fileSize(), r.validBytes());
    assertFalse(r.truncated());
  }
}
