package dev.gotrace.core.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gotrace.core.ParsedGolden;
import dev.gotrace.core.TestData;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every trace in testdata (Go 1.19 and later) must decode to exactly the events {@code go tool
 * trace -d=parsed} (Go 1.27) printed for it: same count, same order, same text per event. For v1
 * traces the goroutine order inside the pre-init status block is Go's random map order, so that
 * block is compared as a set (see {@link PreInitStatuses}).
 */
class GoldenEventTest {
  @TestFactory
  Stream<DynamicTest> eventsMatchGoParsedOutput() throws IOException {
    List<Path[]> cases = cases();
    assertFalse(cases.isEmpty(), "no traces with parsed goldens under " + TestData.root());
    return cases.stream().map(c -> DynamicTest.dynamicTest(
        c[0].getParent().getFileName() + "/" + c[0].getFileName(), () -> compare(c[0], c[1])));
  }

  /** Pairs of (trace, golden): the shared traces of every go1.NN directory, and the decoder fixtures. */
  static List<Path[]> cases() throws IOException {
    Path traces = TestData.root().resolve("traces");
    assertTrue(Files.isDirectory(traces), "missing " + traces);
    List<Path[]> cases = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(traces)) {
      for (Path dir : dirs.sorted().toList()) {
        String name = dir.getFileName().toString();
        if (!name.startsWith("go1.")) continue;
        try (Stream<Path> files = Files.list(dir)) {
          for (Path trace : files.filter(p -> p.toString().endsWith(".trace")).sorted().toList()) {
            String prog = trace.getFileName().toString().replace(".trace", "");
            Path golden = TestData.root().resolve("golden").resolve(name).resolve(prog + ".parsed.txt.gz");
            assertTrue(Files.exists(golden), "missing golden " + golden);
            cases.add(new Path[] {trace, golden});
          }
        }
      }
    }
    try (Stream<Path> files = Files.list(TestData.root().resolve("decoder"))) {
      for (Path trace : files.filter(p -> p.toString().endsWith(".trace")).sorted().toList()) {
        cases.add(new Path[] {trace, trace.resolveSibling(trace.getFileName().toString()
            .replace(".trace", ".parsed.txt.gz"))});
      }
    }
    return cases;
  }

  private static void compare(Path trace, Path golden) throws IOException {
    if (isV1(trace)) {
      compareWhole(trace, golden);
      return;
    }
    TraceReader reader = new TraceReader(ReadOptions.strict());
    GoEventFormatter formatter = new GoEventFormatter(reader.strings(), reader.stacks());
    try (BufferedReader expected = ParsedGolden.open(golden)) {
      Deque<String> recent = new ArrayDeque<>();
      long[] line = {0};
      GoldenFacts facts = new GoldenFacts();
      TraceReadResult result = reader.read(trace, e -> {
        String text = formatter.format(e);
        // The text ends with Println's newline; every piece before it is one golden line.
        for (String ours : text.substring(0, text.length() - 1).split("\n", -1)) {
          String theirs = readLine(expected);
          line[0]++;
          if (!ours.equals(theirs)) {
            fail("event " + e.index() + ", golden line " + line[0] + ":\n  go:   " + theirs + "\n  ours: " + ours
                + "\nafter:\n" + String.join("\n", recent));
          }
          facts.observe(theirs);
          recent.addLast(ours);
          if (recent.size() > 8) recent.removeFirst();
        }
      });
      String rest = expected.readLine();
      if (rest != null) fail("golden has more events after line " + line[0] + ": " + rest);
      facts.check(result, trace);
    }
  }

  /** Summary values read off Go's printed events, to check {@link TraceReadResult}. */
  private static final class GoldenFacts {
    private static final java.util.regex.Pattern SNAPSHOT =
        java.util.regex.Pattern.compile(" Trace=(-?\\d+) Mono=\\d+ Wall=(\\S+)");
    long events;
    long syncs;
    long firstTime;
    long lastTime;
    Long wallClockStart;

    void observe(String line) {
      ParsedGolden.Header h = ParsedGolden.Header.of(line);
      if (h == null) return;
      long time = h.time();
      if (events == 0) {
        firstTime = time;
        java.util.regex.Matcher s = SNAPSHOT.matcher(h.fields());
        if (s.find()) {
          java.time.Instant wall = java.time.Instant.parse(s.group(2));
          wallClockStart = wall.getEpochSecond() * 1_000_000_000L + wall.getNano() + (time - Long.parseLong(s.group(1)));
        }
      }
      if (h.kind().equals("Sync")) syncs++;
      lastTime = time;
      events++;
    }

    void check(TraceReadResult r, Path trace) throws IOException {
      byte[] header = java.util.Arrays.copyOf(Files.readAllBytes(trace), 16);
      assertEquals(new String(header, 3, 4, StandardCharsets.US_ASCII), r.formatVersion());
      assertEquals(events, r.eventCount());
      assertEquals(syncs - 1, r.generationCount());
      assertEquals(firstTime, r.firstTime());
      assertEquals(lastTime, r.lastTime());
      assertEquals(wallClockStart, r.wallClockStartNs());
      // Linux traces use nanotime/64 as their clock (runtime traceTimeDiv).
      assertEquals(15_625_000, r.frequencyHz());
      assertEquals(Files.size(trace), r.validBytes());
      assertEquals(0, r.lostBytes());
      assertFalse(r.truncated());
    }
  }

  private static boolean isV1(Path trace) {
    String name = trace.getParent().getFileName().toString();
    return name.startsWith("go1.") && Integer.parseInt(name.substring(4)) < 22;
  }

  /** Whole-stream comparison, after making the pre-init status block order-insensitive. */
  private static void compareWhole(Path trace, Path golden) throws IOException {
    TraceReader reader = new TraceReader(ReadOptions.strict());
    GoEventFormatter formatter = new GoEventFormatter(reader.strings(), reader.stacks());
    List<String> printed = new ArrayList<>();
    reader.read(trace, e -> {
      String text = formatter.format(e);
      printed.addAll(List.of(text.substring(0, text.length() - 1).split("\n", -1)));
    });
    List<String> theirs;
    try (BufferedReader expected = ParsedGolden.open(golden)) {
      theirs = expected.lines().toList();
    }
    List<String> ours = PreInitStatuses.normalize(printed);
    theirs = PreInitStatuses.normalize(theirs);
    for (int i = 0; i < Math.min(ours.size(), theirs.size()); i++) {
      if (!ours.get(i).equals(theirs.get(i))) {
        fail("golden line " + (i + 1) + ":\n  go:   " + theirs.get(i) + "\n  ours: " + ours.get(i) + "\nafter:\n"
            + String.join("\n", ours.subList(Math.max(0, i - 8), i)));
      }
    }
    if (ours.size() != theirs.size()) fail("line counts differ: go " + theirs.size() + ", ours " + ours.size());
  }

  private static String readLine(BufferedReader r) {
    try {
      String s = r.readLine();
      return s == null ? "<end of golden>" : s;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
