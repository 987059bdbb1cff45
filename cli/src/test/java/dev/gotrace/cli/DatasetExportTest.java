package dev.gotrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gotrace-sql export --parquet / --arrow}: the dataset's layout for the traces a directory
 * names, and the one-line errors for what cannot be exported. (The interop module reads the files
 * with Spark and DuckDB.)
 */
class DatasetExportTest {
  @TempDir Path dir;

  private record Result(int exitCode, String err) {}

  private static Result run(String... args) {
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args);
    return new Result(code, err.toString());
  }

  /** Two traces in a tree, so one trace_id has a folder in it. */
  private Path traces() throws Exception {
    Path root = Files.createDirectories(dir.resolve("traces/sub"));
    Files.copy(Golden.trace("chansync"), root.getParent().resolve("chansync.trace"));
    Files.copy(Golden.trace("syscalls"), root.resolve("syscalls.trace"));
    return root.getParent();
  }

  @Test
  void parquetOfADirectoryIsPartitionedByTraceIdWithViewsJson() throws Exception {
    Path out = dir.resolve("out");
    Result r = run("export", traces().toString(), "--parquet", out.toString());
    assertEquals(0, r.exitCode(), r.err());
    List<String> tables = tableNames();
    assertEquals("gotrace-sql: wrote " + tables.size() + " tables of 2 traces (" + (rows("chansync") + rows("syscalls"))
        + " rows) as Parquet to " + out + ", views in views.json\n", r.err());
    assertEquals(new TreeSet<>(tables), subdirectories(out));
    for (String table : tables) {
      assertEquals(new TreeSet<>(List.of("trace_id=chansync.trace", "trace_id=sub%2Fsyscalls.trace")),
          subdirectories(out.resolve(table)), table);
      assertTrue(Files.size(out.resolve(table).resolve("trace_id=chansync.trace/part-0.parquet")) > 0);
    }
    assertEquals("gotrace-sql views 1", jsonField(out.resolve("views.json"), "format"));
    assertFalse(Files.exists(dir.resolve(".out.partial")));
  }

  @Test
  void aNonEmptyTargetNeedsForceAndForceReplacesOnlyAnExport() throws Exception {
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.writeString(out.resolve("notes.txt"), "mine");
    String trace = Golden.trace("chansync").toString();
    Result r = run("export", trace, "--arrow", out.toString());
    assertEquals(ExitCodes.INPUT, r.exitCode());
    assertEquals("gotrace-sql: " + out + " is not empty; use --force to replace a previous export\n", r.err());
    r = run("export", trace, "--arrow", out.toString(), "--force");
    assertEquals(ExitCodes.INPUT, r.exitCode());
    assertEquals("gotrace-sql: " + out + " is not empty and holds no export (no views.json); --force replaces only a "
        + "previous export\n", r.err());
    assertEquals("mine", Files.readString(out.resolve("notes.txt")));

    Path export = dir.resolve("export");
    assertEquals(0, run("export", trace, "--arrow", export.toString()).exitCode());
    assertEquals(ExitCodes.INPUT, run("export", trace, "--arrow", export.toString()).exitCode());
    r = run("export", trace, "--parquet", export.toString(), "--force");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(Files.exists(export.resolve("events/trace_id=chansync.trace/part-0.parquet")));
    assertFalse(Files.exists(export.resolve("events/trace_id=chansync.trace/part-0.arrow")), "the old export is gone");
    assertEquals("parquet", jsonField(export.resolve("views.json"), "tables_format"));
  }

  @Test
  void badInputIsOneLine() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Result r = run("export", empty.toString(), "--parquet", dir.resolve("o1").toString());
    assertEquals(ExitCodes.INPUT, r.exitCode());
    assertEquals("gotrace-sql: no trace found: " + empty + " (no *.trace file in this directory)\n", r.err());

    Path notATrace = Files.writeString(dir.resolve("bad.trace"), "not a trace at all");
    r = run("export", notATrace.toString(), "--parquet", dir.resolve("o2").toString());
    assertEquals(ExitCodes.INPUT, r.exitCode());
    assertTrue(r.err().startsWith("gotrace-sql: cannot read " + notATrace + ": not a readable Go trace: "), r.err());
    assertEquals(1, r.err().lines().count());
    assertFalse(Files.exists(dir.resolve("o2")));
    assertFalse(Files.exists(dir.resolve(".o2.partial")));

    r = run("export", Golden.trace("chansync").toString(), "--parquet", dir.resolve("o3").toString(), "--where", "goid = 1");
    assertEquals(ExitCodes.USAGE, r.exitCode());
    assertTrue(r.err().contains("--where, --from and --to apply to --timeline only"), r.err());

    r = run("export", Golden.trace("chansync").toString(), "--parquet", dir.resolve("o4").toString(), "--arrow", "x");
    assertEquals(ExitCodes.USAGE, r.exitCode());
    assertTrue(r.err().contains("mutually exclusive"), r.err());
  }

  private static List<String> tableNames() throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:gotrace:" + Golden.trace("chansync"));
        ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rs.next()) names.add(rs.getString("TABLE_NAME"));
    }
    return names;
  }

  private static long rows(String program) throws Exception {
    long total = 0;
    try (Connection c = DriverManager.getConnection("jdbc:gotrace:" + Golden.trace(program));
        Statement s = c.createStatement()) {
      for (String table : tableNames()) {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
          rs.next();
          total += rs.getLong(1);
        }
      }
    }
    return total;
  }

  private static TreeSet<String> subdirectories(Path root) throws Exception {
    try (Stream<Path> entries = Files.list(root)) {
      TreeSet<String> names = new TreeSet<>();
      entries.filter(Files::isDirectory).forEach(p -> names.add(p.getFileName().toString()));
      return names;
    }
  }

  private static String jsonField(Path file, String field) throws Exception {
    try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
      while (p.nextToken() != null) {
        if (p.currentToken() == JsonToken.FIELD_NAME && p.currentName().equals(field)) {
          p.nextToken();
          return p.getText();
        }
      }
    }
    return null;
  }
}
