package dev.gotrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged {@code cli/target/gotrace-sql.jar}, the jar {@code bin/gotrace-sql} runs, works on
 * its own: a query through it returns Go's event count, and a view loads. (The process tests run
 * the launcher on the test class path; this catches what only the shaded jar can get wrong, such
 * as a dependency left out of it.)
 */
class ShadedCliJarIT {
  @Test void jarAnswersAQueryAndAView() throws Exception {
    Path jar = Path.of(System.getProperty("gotrace.cliJar"));
    String trace = Golden.trace("chansync").toString();
    long events = Golden.eventKinds("chansync").size();
    assertEquals("n\r\n" + events + "\r\n", run(jar, trace, "SELECT COUNT(*) AS n FROM events"));
    // The views come from the jar's resources: goroutine_analysis has one row per goroutine.
    assertEquals(run(jar, trace, "SELECT COUNT(*) AS n FROM goroutines"),
        run(jar, trace, "SELECT COUNT(*) AS n FROM goroutine_analysis"));
  }

  private static String run(Path jar, String trace, String sql) throws Exception {
    Path out = Files.createTempFile("gotrace-sql-jar", ".out");
    try {
      Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-jar", jar.toString(), "query", trace, sql, "--format", "csv"))
          .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("the jar did not finish: " + sql);
      }
      assertEquals(0, p.exitValue(), "exit code of " + sql);
      return Files.readString(out);
    } finally {
      Files.deleteIfExists(out);
    }
  }
}
