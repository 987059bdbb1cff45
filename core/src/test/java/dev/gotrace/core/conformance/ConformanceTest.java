package dev.gotrace.core.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gotrace.core.format.TraceFormatException;
import dev.gotrace.core.TestData;
import dev.gotrace.core.read.EventDigest;
import dev.gotrace.core.read.ReadOptions;
import dev.gotrace.core.read.TraceReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Go 1.27's reader test cases ({@code src/internal/trace/testdata/tests/*.test}): each text trace
 * is encoded to binary and read in strict mode. SUCCESS cases must give Go's events (count and
 * the digest of their text, from {@code expected-counts.txt}); FAILURE cases must throw with a
 * message matching Go's expectation.
 */
class ConformanceTest {
  private static final Path DIR = TestData.root().resolve("conformance");

  @TestFactory
  Stream<DynamicTest> goReaderCases() throws IOException {
    Map<String, String[]> expected = expectedCounts();
    List<Path> cases;
    try (Stream<Path> files = Files.list(DIR)) {
      cases = files.filter(p -> p.toString().endsWith(".test")).sorted().toList();
    }
    assertFalse(cases.isEmpty(), "no *.test files in " + DIR);
    assertEquals(expected.keySet().size(), cases.size(), "expected-counts.txt does not list every case");
    return cases.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(),
        () -> run(p, expected.get(p.getFileName().toString()))));
  }

  private static void run(Path file, String[] goResult) throws IOException {
    Map<String, String> archive = Txtar.parse(Files.readString(file, StandardCharsets.UTF_8));
    String expect = archive.get("expect").strip();
    byte[] trace = TextTraceEncoder.encode(archive.get("trace"));
    TraceReader reader = new TraceReader(ReadOptions.strict());
    EventDigest digest = new EventDigest(reader.strings(), reader.stacks());
    if (expect.equals("SUCCESS")) {
      assertEquals("ok", goResult[2], "Go's outcome");
      reader.read(trace, digest);
      assertEquals(Long.parseLong(goResult[0]), digest.count(), "event count");
      assertEquals(goResult[1], digest.hex(), "digest of the events' text");
    } else {
      assertTrue(expect.startsWith("FAILURE "), expect);
      Pattern pattern = Pattern.compile(new String(GoQuoted.unquote(expect.substring("FAILURE ".length()).strip()),
        StandardCharsets.UTF_8));
      TraceFormatException e = assertThrows(TraceFormatException.class, () -> reader.read(trace, digest));
      assertTrue(pattern.matcher(e.detail()).find(), "message " + e.detail() + " does not match " + pattern);
      assertTrue(digest.count() <= Long.parseLong(goResult[0]), "delivered more events than Go read");
    }
  }

  /** File name → {count, digest, outcome}. */
  private static Map<String, String[]> expectedCounts() throws IOException {
    Map<String, String[]> m = new HashMap<>();
    for (String line : Files.readAllLines(DIR.resolve("expected-counts.txt"))) {
      if (line.startsWith("#") || line.isBlank()) continue;
      String[] f = line.split(" ", 4);
      m.put(f[0], new String[] {f[1], f[2], f[3].startsWith("ok") ? "ok" : "error"});
    }
    return m;
  }
}
