package dev.gotrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gotrace.core.SchemaContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/gotrace-sql} run as a process: stdout checked exactly against counts taken from Go's
 * {@code go tool trace -d=parsed} goldens, stderr and exit codes of failures. Each run starts a JVM,
 * so each test combines several checks.
 */
class CliProcessTest {
  /** Every table and view of the public schema with its required columns. */
  private static final Map<String, List<String>> SCHEMA = new LinkedHashMap<>(SchemaContract.TABLES);

  static {
    SCHEMA.putAll(SchemaContract.VIEWS);
  }

  private static final List<String> VIEWS = List.copyOf(SchemaContract.VIEWS.keySet());

  @Test
  void csvIsRfc4180WithHeaderAndCountsEqualGo() throws Exception {
    String sql = "SELECT kind, COUNT(*) AS n, 'a,\"b\"' AS quoted, CAST(NULL AS VARCHAR) AS missing, '' AS blank "
        + "FROM events GROUP BY kind ORDER BY kind";
    ProcessRun run = ProcessRun.of(null, "query", Golden.trace("chansync").toString(), sql, "--format", "csv");
    StringBuilder expected = new StringBuilder("kind,n,quoted,missing,blank\r\n");
    Golden.countByKind(Golden.eventKinds("chansync"))
        .forEach((kind, n) -> expected.append(kind).append(',').append(n).append(",\"a,\"\"b\"\"\",,\"\"\r\n"));
    assertEquals(expected.toString(), run.out());
    assertEquals("", run.err());
    assertEquals(0, run.exitCode());
  }

  @Test
  void jsonFromStdinHasNumbersAndNulls() throws Exception {
    String sql = "SELECT kind, COUNT(*) AS n, CAST(NULL AS BIGINT) AS missing\nFROM events GROUP BY kind ORDER BY kind;\n";
    ProcessRun run = ProcessRun.of(sql, "query", Golden.trace("mix").toString(), "-", "--format", "json");
    assertEquals("", run.err());
    assertEquals(0, run.exitCode());
    JsonNode rows = new ObjectMapper().readTree(run.out());
    Map<String, Long> expected = Golden.countByKind(Golden.eventKinds("mix"));
    assertEquals(expected.size(), rows.size());
    List<String> kinds = new ArrayList<>(expected.keySet());
    for (int i = 0; i < rows.size(); i++) {
      JsonNode row = rows.get(i);
      assertEquals(List.of("kind", "n", "missing"), fieldNames(row));
      assertEquals(kinds.get(i), row.get("kind").textValue());
      assertTrue(row.get("n").isIntegralNumber(), row.toString());
      assertEquals(expected.get(kinds.get(i)), row.get("n").longValue());
      assertTrue(row.get("missing").isNull(), row.toString());
    }
  }

  @Test
  void tablesListsEverySchemaTableAndViewWithDocumentedColumns() throws Exception {
    ProcessRun run = ProcessRun.of(null, "tables", Golden.trace("chansync").toString());
    assertEquals("", run.err());
    assertEquals(0, run.exitCode());
    Map<String, List<String>> sections = sections(run.out());
    for (Map.Entry<String, List<String>> e : SCHEMA.entrySet()) {
      String heading = e.getKey() + (VIEWS.contains(e.getKey()) ? " (view)" : " (table)");
      List<String> lines = sections.get(heading);
      assertTrue(lines != null, "missing " + heading + " in:\n" + run.out());
      assertTrue(lines.get(0).startsWith("  ") && lines.get(0).strip().length() > 10, "no description: " + heading);
      for (String column : e.getValue()) {
        String line = lines.stream().filter(l -> l.startsWith("    " + column + " ")).findFirst()
            .orElseThrow(() -> new AssertionError(heading + " lacks column " + column));
        assertTrue(line.strip().split("\\s+").length >= 3, "undocumented column: " + line);
      }
    }
    assertFalse(run.out().contains("_profile_intervals"), "internal helper views are not listed");
  }

  @Test
  void shellRunsStatementsAndCommandsWithoutTerminal(@TempDir Path dir) throws Exception {
    long transitions = Golden.eventKinds("chansync").stream().filter("StateTransition"::equals).count();
    Path script = dir.resolve("script.sql");
    Files.writeString(script, "!tables\nSELECT COUNT(*) AS n FROM events WHERE kind = 'Sync';\n");
    ProcessRun run = ProcessRun.of("", "shell", Golden.trace("chansync").toString(), "--outputformat=csv",
        "-e", "SELECT COUNT(*) AS n FROM events WHERE kind = 'StateTransition'", "--run=" + script);
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("'n'\n'" + transitions + "'\n"), run.out());
    long syncs = Golden.eventKinds("chansync").stream().filter("Sync"::equals).count();
    assertTrue(run.out().contains("'n'\n'" + syncs + "'\n"), run.out());
    for (String table : List.of("events", "goroutines", "trace_info")) {
      assertTrue(run.out().contains("'trace','" + table + "','TABLE'"), run.out());
    }
    assertTrue(run.out().contains("'trace','goroutine_analysis','VIEW'"), run.out());
  }

  @Test
  void syntaxErrorIsOneLineWithPositionAndExitCode2() throws Exception {
    ProcessRun run = ProcessRun.of(null, "query", Golden.trace("chansync").toString(), "SELECT FROM events");
    assertOneLineError(run, ExitCodes.SQL, "gotrace-sql: syntax error: Incorrect syntax near the keyword 'FROM' at line 1, column 8.");
    assertEquals("", run.out());
  }

  @Test
  void fileThatIsNotATraceIsExitCode1(@TempDir Path dir) throws Exception {
    Path text = dir.resolve("notes.txt");
    Files.writeString(text, "this is not a Go execution trace\n");
    ProcessRun run = ProcessRun.of(null, "query", text.toString(), "SELECT 1");
    assertOneLineError(run, ExitCodes.INPUT, "gotrace-sql: cannot read " + text
        + ": not a readable Go trace: bad file format: not a Go execution trace? (at byte offset 0)");
  }

  @Test
  void missingFileIsExitCode1(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("missing.trace");
    ProcessRun run = ProcessRun.of(null, "query", missing.toString(), "SELECT 1");
    assertOneLineError(run, ExitCodes.INPUT, "gotrace-sql: no such file: " + missing);
  }

  @Test
  void stagedColumnsBeyondTheOffHeapBoundAreExitCode3() throws Exception {
    // Builders stage goroutine_states' columns off the heap, in the budget the Arrow tables share.
    ProcessRun run = ProcessRun.withEnvironment(Map.of("GOTRACE_SQL_JAVA_OPTS", "-Dgotrace.arrow.limit=1m"), null,
        "query", "--no-cache", Golden.trace("mix").toString(), "SELECT COUNT(*) FROM goroutine_states");
    assertEquals(ExitCodes.MEMORY, run.exitCode(), run.err());
    assertTrue(run.err().matches("gotrace-sql: out of memory: decoding [a-z_, ]*goroutine_states[a-z_, ]*: staged columns of "
        + "\\d+ [KM]iB would pass the off-heap bound of 1 MiB \\(\\d+ [KM]iB Arrow, \\d+ [KM]iB staged\\).*\n"), run.err());
  }

  static void assertOneLineError(ProcessRun run, int exitCode, String line) {
    assertEquals(line + "\n", run.err());
    assertEquals(exitCode, run.exitCode());
  }

  private static List<String> fieldNames(JsonNode row) {
    List<String> names = new ArrayList<>();
    row.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** The text listing split at its headings ("name (table)"), each with the indented lines under it. */
  private static Map<String, List<String>> sections(String listing) throws IOException {
    Map<String, List<String>> sections = new LinkedHashMap<>();
    List<String> current = null;
    for (String line : listing.lines().toList()) {
      if (line.isEmpty()) continue;
      if (!line.startsWith(" ")) {
        current = new ArrayList<>();
        sections.put(line, current);
      } else if (current != null) {
        current.add(line);
      }
    }
    return sections;
  }
}
