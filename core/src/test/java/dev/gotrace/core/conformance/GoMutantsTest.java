package dev.gotrace.core.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gotrace.core.TestData;
import dev.gotrace.core.format.TraceFormatException;
import dev.gotrace.core.read.EventDigest;
import dev.gotrace.core.read.ReadOptions;
import dev.gotrace.core.read.TraceReader;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Differential test on corrupted traces ({@code testdata/decoder/mutants.txt}): in strict mode
 * we must return Go's events (count and text digest) or fail with Go's message.
 */
class GoMutantsTest {
  private static final String FAILED_TO_ADVANCE = "broken trace: failed to advance";

  @TestFactory
  Stream<DynamicTest> mutantsMatchGo() throws IOException {
    List<String> lines = Files.readAllLines(TestData.root().resolve("decoder/mutants.txt")).stream()
        .filter(l -> !l.startsWith("#")).toList();
    assertFalse(lines.isEmpty());
    return lines.stream().map(l -> DynamicTest.dynamicTest(l.substring(0, l.indexOf(' ')), () -> check(l)));
  }

  private static void check(String line) {
    String[] parts = line.split("\t");
    String[] go = parts[0].split(" ", 4);
    byte[] input = Base64.getDecoder().decode(parts[1]);
    TraceReader reader = new TraceReader(ReadOptions.strict());
    EventDigest digest = new EventDigest(reader.strings(), reader.stacks());
    if (go[3].equals("ok")) {
      reader.read(input, digest);
      assertEquals(Long.parseLong(go[1]), digest.count(), "events");
      assertEquals(go[2], digest.hex(), "digest");
      return;
    }
    String expected = go[3].substring("error ".length());
    TraceFormatException e = assertThrows(TraceFormatException.class, () -> reader.read(input, digest));
    if (expected.startsWith(FAILED_TO_ADVANCE)) {
      // Go's message goes on with dumps of its maps, in random order.
      assertTrue(e.detail().startsWith(FAILED_TO_ADVANCE), e.detail());
    } else {
      assertEquals(expected, e.detail());
    }
  }
}
