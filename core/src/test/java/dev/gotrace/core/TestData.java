package dev.gotrace.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the shared test data lives: {@code testdata/} under the repository root. */
public final class TestData {
  private TestData() {}

  /** {@code <gotrace.root>/testdata}; fails loudly if it is missing. */
  public static Path root() {
    String root = System.getProperty("gotrace.root");
    if (root == null) throw new IllegalStateException("system property gotrace.root is not set");
    Path dir = Path.of(root, "testdata");
    if (!Files.isDirectory(dir)) throw new IllegalStateException("test data missing: " + dir);
    return dir;
  }

  /** First Go release that writes the v2 formats. */
  private static final int FIRST_V2_RELEASE = 22;

  /** A committed trace: the Go release that wrote it, the program, its file and its golden files. */
  public record Trace(String version, String program, Path file) {
    /** {@code testdata/golden/<version>/<program>.<suffix>}. */
    public Path golden(String suffix) {
      return root().resolve("golden").resolve(version).resolve(program + "." + suffix);
    }

    @Override public String toString() { return version + "/" + program; }
  }

  /** Every committed trace written by Go 1.22 or later, sorted; fails if there is none. */
  public static List<Trace> v2Traces() {
    return traces(FIRST_V2_RELEASE);
  }

  /** Every committed trace, v1 (Go 1.11–1.21) and v2, sorted; fails if there is none. */
  public static List<Trace> allTraces() {
    return traces(0);
  }

  /** True if the trace was written in a v1 format (Go 1.21 or earlier). */
  public static boolean isV1(Trace trace) {
    return release(trace.version()) < FIRST_V2_RELEASE;
  }

  private static List<Trace> traces(int firstRelease) {
    try (Stream<Path> files = Files.walk(root().resolve("traces"))) {
      List<Trace> traces = files.filter(p -> p.getFileName().toString().endsWith(".trace"))
          .map(p -> new Trace(p.getParent().getFileName().toString(),
              p.getFileName().toString().replace(".trace", ""), p))
          .filter(t -> release(t.version()) >= firstRelease)
          .sorted(java.util.Comparator.comparing(Trace::toString))
          .toList();
      if (traces.isEmpty()) throw new IllegalStateException("no traces from go1." + firstRelease + " on under " + root());
      return traces;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** 27 for {@code go1.27}. */
  private static int release(String version) {
    return Integer.parseInt(version.substring(version.indexOf('.') + 1));
  }
}
