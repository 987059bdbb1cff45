package dev.gotrace.core.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gotrace.core.TestData;
import dev.gotrace.core.format.TraceFormatException;
import dev.gotrace.core.read.EventDigest;
import dev.gotrace.core.read.ReadOptions;
import dev.gotrace.core.read.TraceReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Go's own fuzzing regression inputs for its reader ({@code testdata/fuzz/FuzzReader}): we must
 * return what Go returns: the same events (count and digest), or the same error message.
 */
class GoFuzzCorpusTest {
  private static final Path DIR = TestData.root().resolve("conformance");

  @TestFactory
  Stream<DynamicTest> corpusMatchesGo() throws IOException {
    List<String> lines = Files.readAllLines(DIR.resolve("fuzz-expected.txt")).stream()
        .filter(l -> !l.startsWith("#")).toList();
    assertFalse(lines.isEmpty());
    return lines.stream().map(l -> DynamicTest.dynamicTest(l.split(" ")[0], () -> check(l.split(" ", 4))));
  }

  private static void check(String[] expected) throws IOException {
    byte[] input = decode(Files.readString(DIR.resolve("fuzz").resolve(expected[0]), StandardCharsets.UTF_8));
    TraceReader reader = new TraceReader(ReadOptions.strict());
    EventDigest digest = new EventDigest(reader.strings(), reader.stacks());
    String outcome = expected[3];
    if (outcome.equals("ok")) {
      reader.read(input, digest);
      assertEquals(Long.parseLong(expected[1]), digest.count());
      assertEquals(expected[2], digest.hex());
      return;
    }
    TraceFormatException e = assertThrows(TraceFormatException.class, () -> reader.read(input, digest));
    assertEquals(outcome.substring("error ".length()), e.detail());
  }

  /** A Go fuzz corpus file: {@code go test fuzz v1} then {@code []byte("...")}. */
  static byte[] decode(String file) {
    String literal = file.lines().skip(1).findFirst().orElseThrow().strip();
    return GoQuoted.unquote(literal.substring("[]byte(".length(), literal.length() - 1));
  }
}
