package dev.gotrace.cli;

import dev.gotrace.core.TestData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/** Test data: the repository's traces and the event kinds of Go's {@code go tool trace -d=parsed} goldens. */
final class Golden {
  private Golden() {}

  /** The repository root (bin/, testdata/). */
  static Path root() {
    return TestData.root().getParent();
  }

  static Path trace(String program) {
    return root().resolve("testdata/traces/go1.27/" + program + ".trace");
  }

  /** The kind of every event Go printed, in order: the 4th field of the lines starting "M=". */
  static List<String> eventKinds(String program) throws IOException {
    Path golden = root().resolve("testdata/golden/go1.27/" + program + ".parsed.txt.gz");
    List<String> kinds = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(golden)), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("M=")) kinds.add(line.split(" ")[3]);
      }
    }
    return kinds;
  }

  /** Events per kind, sorted by kind name. */
  static Map<String, Long> countByKind(List<String> kinds) {
    Map<String, Long> counts = new TreeMap<>();
    for (String k : kinds) counts.merge(k, 1L, Long::sum);
    return counts;
  }
}
