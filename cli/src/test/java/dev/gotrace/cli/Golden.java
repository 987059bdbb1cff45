package dev.gotrace.cli;

import dev.gotrace.core.ParsedGolden;
import dev.gotrace.core.TestData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

  /** The kind of every event Go printed, in order. */
  static List<String> eventKinds(String program) throws IOException {
    List<String> kinds = new ArrayList<>();
    ParsedGolden.forEachEvent(root().resolve("testdata/golden/go1.27/" + program + ".parsed.txt.gz"),
        e -> kinds.add(e.kind()));
    return kinds;
  }

  /** Events per kind, sorted by kind name. */
  static Map<String, Long> countByKind(List<String> kinds) {
    Map<String, Long> counts = new TreeMap<>();
    for (String k : kinds) counts.merge(k, 1L, Long::sum);
    return counts;
  }
}
