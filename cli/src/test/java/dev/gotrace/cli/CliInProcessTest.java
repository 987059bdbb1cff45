package dev.gotrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gotrace.cli.format.OutputFormat;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Main#run} in this JVM: the formats, failures and options that need no separate process. */
class CliInProcessTest {
  /** What a run printed and returned. */
  record Result(int exitCode, String out, String err) {}

  /** Runs the CLI in this JVM (for the other in-process tests too). */
  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  private static String chansync() {
    return Golden.trace("chansync").toString();
  }

  @Test
  void tableAlignsAndCountsRows() throws Exception {
    Map<String, Long> counts = Golden.countByKind(Golden.eventKinds("chansync"));
    Result r = run("query", chansync(), "SELECT kind, COUNT(*) AS n FROM events GROUP BY kind ORDER BY kind");
    assertEquals(0, r.exitCode(), r.err());
    int kindWidth = counts.keySet().stream().mapToInt(String::length).max().orElseThrow();
    int nWidth = Math.max(1, counts.values().stream().mapToInt(n -> Long.toString(n).length()).max().orElseThrow());
    StringBuilder expected = new StringBuilder(pad("kind", kindWidth) + " | n\n");
    expected.append("-".repeat(kindWidth)).append("-+-").append("-".repeat(nWidth)).append('\n');
    counts.forEach((kind, n) -> expected.append(pad(kind, kindWidth)).append(" | ")
        .append(" ".repeat(nWidth - Long.toString(n).length())).append(n).append('\n'));
    expected.append("(").append(counts.size()).append(" rows)\n");
    assertEquals(expected.toString(), r.out());
  }

  /**
   * Past the first block of rows the table streams: those rows set the widths, and a row after
   * them prints as it comes (with events of chansync in Go's order, more than one block).
   */
  @Test
  void tableStreamsRowsPastTheFirstBlock() throws Exception {
    List<String> kinds = Golden.eventKinds("chansync");
    int block = OutputFormat.TABLE_BLOCK_ROWS;
    assertTrue(kinds.size() > block + 1000, "chansync has " + kinds.size() + " events");
    Result r = run("query", chansync(), "SELECT kind, event_id FROM events ORDER BY event_id");
    assertEquals(0, r.exitCode(), r.err());
    String[] lines = r.out().split("\n");
    assertEquals(kinds.size() + 3, lines.length);
    int kindWidth = Math.max(4, kinds.subList(0, block).stream().mapToInt(String::length).max().orElseThrow());
    int idWidth = Math.max("event_id".length(), Integer.toString(block - 1).length());
    for (int i = 0; i < kinds.size(); i++) {
      String id = Integer.toString(i);
      if (i >= block) {
        kindWidth = Math.max(kindWidth, kinds.get(i).length());
        idWidth = Math.max(idWidth, id.length());
      }
      assertEquals(pad(kinds.get(i), kindWidth) + " | " + " ".repeat(idWidth - id.length()) + id, lines[i + 2], "row " + i);
    }
    assertEquals("(" + kinds.size() + " rows)", lines[lines.length - 1]);
  }

  @Test
  void markdownWithMaxRowsAndSqlFile(@TempDir Path dir) throws Exception {
    Map.Entry<String, Long> first = Golden.countByKind(Golden.eventKinds("chansync")).entrySet().iterator().next();
    Path sql = dir.resolve("q.sql");
    Files.writeString(sql, "SELECT kind, COUNT(*) AS n, CAST(NULL AS VARCHAR) AS z, 'a|b' AS p\n"
        + "FROM events GROUP BY kind ORDER BY kind;");
    Result r = run("query", chansync(), "--sql-file", sql.toString(), "--format", "markdown", "--max-rows", "1");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("| kind | n | z | p |\n| --- | ---: | --- | --- |\n| " + first.getKey() + " | " + first.getValue()
        + " | NULL | a\\|b |\n", r.out());
  }

  @Test
  void unknownTableKeepsThePositionInTheSql() {
    Result r = run("query", chansync(), "SELECT * FROM foo");
    assertEquals("gotrace-sql: From line 1, column 15 to line 1, column 17: Object 'foo' not found\n", r.err());
    assertEquals(ExitCodes.SQL, r.exitCode());
    assertEquals("", r.out());
  }

  @Test
  void debugAddsTheStackTrace() {
    Result r = run("query", chansync(), "SELECT nope FROM events", "--debug");
    assertEquals(ExitCodes.SQL, r.exitCode());
    List<String> lines = r.err().lines().toList();
    assertEquals("gotrace-sql: From line 1, column 8 to line 1, column 11: Column 'nope' not found in any table",
        lines.get(0));
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("Caused by: org.apache.calcite.runtime.CalciteContextException")),
        r.err());
  }

  @Test
  void runtimeErrorIsAnSqlError() {
    Result r = run("query", chansync(), "SELECT COUNT(*) / 0 FROM events");
    assertEquals("gotrace-sql: division by zero\n", r.err());
    assertEquals(ExitCodes.SQL, r.exitCode());
  }

  @Test
  void serveOffLoopbackWithoutATokenIsAUsageErrorAndBindsNothing() {
    Result r = run("serve", chansync(), "--host", "0.0.0.0", "--port", "0");
    assertEquals(ExitCodes.USAGE, r.exitCode());
    assertEquals(List.of("gotrace-sql: serving on 0.0.0.0 (not a loopback address) needs --token, so that only clients"
        + " with the token can read the traces", "Try 'gotrace-sql serve --help' for more information."), r.err().lines().toList());
  }

  @Test
  void usageErrorsExit64WithAHint() {
    Result r = run("query", chansync());
    assertEquals(ExitCodes.USAGE, r.exitCode());
    assertEquals(List.of("gotrace-sql: give the query as SQL or with --sql-file, not both or neither",
        "Try 'gotrace-sql query --help' for more information."), r.err().lines().toList());
    Result json = run("query", chansync(), "SELECT 1", "--format", "json", "--no-header");
    assertEquals(ExitCodes.USAGE, json.exitCode());
  }

  /**
   * A trace cut inside its second generation: like go tool trace, the tables keep the events up to
   * the last Sync before the damage (the Sync starting generation 2), and a warning says so.
   */
  @Test
  void truncatedTraceAnswersFromTheCompleteGenerationsWithAWarning(@TempDir Path dir) throws Exception {
    byte[] whole = Files.readAllBytes(Golden.trace("mix"));
    Path cut = dir.resolve("cut.trace");
    Files.write(cut, java.util.Arrays.copyOf(whole, whole.length * 3 / 4));
    List<String> kinds = Golden.eventKinds("mix");
    int secondSync = 0;
    for (int i = 0, syncs = 0; i < kinds.size(); i++) {
      if (kinds.get(i).equals("Sync") && ++syncs == 2) secondSync = i + 1;
    }
    assertTrue(secondSync > 0 && secondSync < kinds.size());
    Result r = run("query", cut.toString(), "SELECT kind, COUNT(*) AS n FROM events GROUP BY kind ORDER BY kind",
        "--format", "csv", "--no-header");
    assertEquals(0, r.exitCode(), r.err());
    StringBuilder expected = new StringBuilder();
    Golden.countByKind(kinds.subList(0, secondSync)).forEach((k, n) -> expected.append(k).append(',').append(n).append("\r\n"));
    assertEquals(expected.toString(), r.out());
    List<String> err = r.err().lines().toList();
    assertEquals(1, err.size(), r.err());
    assertTrue(err.get(0).startsWith("gotrace-sql: warning: the trace is truncated or damaged ("), r.err());
    assertTrue(err.get(0).endsWith("results cover only the " + secondSync
        + " events before the damage, as go tool trace would use them"), r.err());
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(width - s.length());
  }
}
