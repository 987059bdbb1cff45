package dev.gotrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/notebook.ipynb, executed headless by {@code jupyter nbconvert --execute} on a committed
 * trace through the standalone driver jar: the top stack and delay it prints equal the
 * sync_blocking_profile view's, and its plot cell produced an image. Needs the packages of
 * examples/install-notebook-deps.sh, which CI's .ci/run installs; skipped elsewhere without them.
 */
class NotebookIT {
  private static final Path JUPYTER = Path.of("/usr/bin/jupyter");

  @Test void notebookPrintsTheViewsTopStackAndPlots(@TempDir Path out) throws Exception {
    assumeTrue(Files.isExecutable(JUPYTER) || System.getenv("CI") != null,
        "jupyter is not installed (examples/install-notebook-deps.sh installs it)");
    Path root = Path.of(System.getProperty("gotrace.root"));
    Path trace = Golden.trace("chansync");
    ProcessBuilder nbconvert = new ProcessBuilder(List.of(JUPYTER.toString(), "nbconvert", "--to", "notebook",
        "--execute", "notebook.ipynb", "--output-dir", out.toString(), "--ExecutePreprocessor.timeout=300"))
        .directory(root.resolve("examples").toFile()).redirectErrorStream(true)
        .redirectOutput(out.resolve("nbconvert.log").toFile());
    nbconvert.environment().put("GOTRACE_TRACE", trace.toString());
    nbconvert.environment().put("GOTRACE_DRIVER_JAR", driverJar(root).toString());
    // Debian's Python, which has JPype, before any other python3 on the PATH.
    nbconvert.environment().put("PATH", "/usr/bin:" + System.getenv("PATH"));
    Process p = nbconvert.start();
    if (!p.waitFor(600, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("nbconvert did not finish");
    }
    assertEquals(0, p.exitValue(), Files.readString(out.resolve("nbconvert.log")));
    String executed = Files.readString(out.resolve("notebook.ipynb"));
    Matcher top = Pattern.compile("top stack: (\\d+) delay_ns: (\\d+) ").matcher(executed);
    assertTrue(top.find(), "no 'top stack' line in the executed notebook");
    try (Connection c = DriverManager.getConnection("jdbc:gotrace:" + trace); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT stack_id, delay_ns FROM sync_blocking_profile ORDER BY delay_ns DESC LIMIT 1")) {
      assertTrue(rs.next());
      assertEquals(List.of(rs.getLong(1), rs.getLong(2)), List.of(Long.parseLong(top.group(1)), Long.parseLong(top.group(2))));
    }
    assertTrue(executed.contains("\"image/png\""), "the plot cell produced no image");
  }

  private static Path driverJar(Path root) throws IOException {
    try (Stream<Path> files = Files.list(root.resolve("jdbc-driver/target"))) {
      return files.filter(f -> f.getFileName().toString().matches("gotrace-jdbc-.*-driver\\.jar")).findFirst()
          .orElseThrow(() -> new AssertionError("no driver jar: run mvn package first"));
    }
  }
}
