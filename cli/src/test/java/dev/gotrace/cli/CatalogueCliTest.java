package dev.gotrace.cli;

import static dev.gotrace.cli.CliInProcessTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gotrace.cli.CliInProcessTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands on catalogues (a directory, a glob, several paths) and {@code report --baseline}:
 * the same TRACE forms as the driver's URL, damaged traces as warnings, the diff as a CI gate.
 */
class CatalogueCliTest {
  private static Path traces(String release) {
    return Golden.root().resolve("testdata/traces/" + release);
  }

  @Test
  void queryOnADirectoryWithADamagedTraceWarnsAndAnswersForTheOthers(@TempDir Path dir) throws Exception {
    Files.copy(Golden.trace("chansync"), dir.resolve("chansync.trace"));
    Files.copy(Golden.trace("leaks"), dir.resolve("leaks.trace"));
    Files.writeString(dir.resolve("broken.trace"), "garbage");
    Result r = run("query", dir.toString(), "--no-cache", "--format", "csv",
        "SELECT trace_id, COUNT(*) AS n FROM goroutines GROUP BY trace_id ORDER BY trace_id");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("trace_id,n\r\nchansync.trace,36\r\nleaks.trace,17\r\n", r.out());
    assertEquals(List.of("gotrace-sql: warning: trace broken.trace could not be read (bad file format: not a Go execution "
        + "trace? (at byte offset 0)); it has no rows (see the table traces)"), r.err().lines().toList());
    Result status = run("query", dir + "/*.trace", "--no-cache", "--format", "csv",
        "SELECT trace_id, decode_status FROM traces ORDER BY trace_id");
    assertEquals("trace_id,decode_status\r\nbroken.trace,failed\r\nchansync.trace,ok\r\nleaks.trace,ok\r\n", status.out());
  }

  @Test
  void severalPathsAndAGlobOfOneFileAreCatalogues() {
    Result two = run("query", Golden.trace("chansync") + "," + Golden.trace("leaks"), "--no-cache", "--format", "csv",
        "SELECT trace_id FROM trace_info ORDER BY trace_id");
    assertEquals(0, two.exitCode(), two.err());
    assertEquals("trace_id\r\nchansync.trace\r\nleaks.trace\r\n", two.out());
    Result one = run("query", traces("go1.27") + "/leak*.trace", "--no-cache", "--format", "csv",
        "SELECT trace_id, COUNT(*) AS n FROM goroutines GROUP BY trace_id");
    assertEquals(0, one.exitCode(), one.err());
    assertEquals("trace_id,n\r\nleaks.trace,17\r\n", one.out());
  }

  @Test
  void tablesOfACatalogueHaveTraceIdAndTheTracesTable() {
    Result r = run("tables", traces("go1.27").toString(), "--no-cache", "traces", "goroutine_groups");
    assertEquals(0, r.exitCode(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals("traces (table)", lines.get(0));
    assertTrue(r.out().contains("goroutine_groups (view)"), r.out());
    assertTrue(lines.stream().filter(l -> l.startsWith("    trace_id ")).count() == 2, r.out());
    assertTrue(r.out().contains("decode_status"), r.out());
  }

  @Test
  void tableFunctionsOfOneTraceSaySoInACatalogue() {
    Result r = run("query", traces("go1.27").toString(), "--no-cache", "SELECT * FROM TABLE(mmu(1000000))");
    assertEquals(ExitCodes.SQL, r.exitCode());
    assertTrue(r.err().contains("mmu works on one trace, not on a catalogue of traces"), r.err());
  }

  /** The diff of two releases' chansync as a gate: a threshold below the largest sync delta fails, one above passes. */
  @Test
  void reportBaselineIsTheDiffAndAGate() {
    String before = traces("go1.22").resolve("chansync.trace").toString();
    String after = traces("go1.27").resolve("chansync.trace").toString();
    Result failing = run("report", after, "--baseline", before, "--no-cache", "--format", "markdown",
        "--fail-if", "(SELECT MAX(delta_ns) FROM trace_diff WHERE kind = 'sync') > 10000000");
    assertEquals(ExitCodes.CONDITION_FAILED, failing.exitCode(), failing.err());
    assertTrue(failing.out().contains("trace_diff"), failing.out());
    assertTrue(failing.out().contains("sync.(*RWMutex).RLock <- main.rwMutexContention.func2"), failing.out());
    assertTrue(failing.err().contains("gotrace-sql: condition failed: (SELECT MAX(delta_ns) FROM trace_diff WHERE kind = 'sync') "
        + "> 10000000 (found 36120000)"), failing.err());
    Result passing = run("report", after, "--baseline", before, "--no-cache", "--format", "json",
        "--fail-if", "(SELECT MAX(delta_ns) FROM trace_diff WHERE kind = 'sync') > 100000000");
    assertEquals(0, passing.exitCode(), passing.err());
  }

  @Test
  void reportBaselineNeedsTwoReadableFiles(@TempDir Path dir) throws Exception {
    String trace = Golden.trace("chansync").toString();
    assertEquals(ExitCodes.USAGE, run("report", trace, "--baseline", trace).exitCode());
    assertEquals(ExitCodes.USAGE, run("report", traces("go1.27").toString(), "--baseline", trace).exitCode());
    Path broken = Files.writeString(dir.resolve("old.trace"), "garbage");
    Result r = run("report", trace, "--baseline", broken.toString());
    assertEquals(ExitCodes.INPUT, r.exitCode(), r.err());
    assertTrue(r.err().startsWith("gotrace-sql: cannot read " + broken + ": not a readable Go trace"), r.err());
    assertEquals(ExitCodes.USAGE, run("report", traces("go1.27").toString(), "--format", "html").exitCode());
  }
}
