package dev.gotrace.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gotrace-sql tables TRACE}: every table and view with its documented columns. */
@Command(name = "tables", description = "List the tables and views of a trace with their documented columns.")
final class TablesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TRACE", description = "Go execution trace file.")
  Path trace;

  @Option(names = "--markdown", description = "Print the reference as Markdown (as in the README).")
  boolean markdown;

  private record Column(String name, String type, String doc) {}

  @Override public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (Connection c = TraceConnections.open(trace)) {
      DatabaseMetaData md = c.getMetaData();
      try (ResultSet tables = md.getTables(null, "trace", "%", new String[] {"TABLE", "VIEW"})) {
        while (tables.next()) {
          String name = tables.getString("TABLE_NAME");
          String type = tables.getString("TABLE_TYPE");
          String doc = tables.getString("REMARKS");
          List<Column> columns = columns(md, name);
          if (markdown) printMarkdown(out, name, type, doc, columns);
          else printText(out, name, type, doc, columns);
        }
      }
    }
    out.flush();
    return 0;
  }

  private static List<Column> columns(DatabaseMetaData md, String table) throws Exception {
    List<Column> columns = new ArrayList<>();
    try (ResultSet rs = md.getColumns(null, "trace", table, "%")) {
      while (rs.next()) {
        columns.add(new Column(rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"),
            rs.getString("REMARKS")));
      }
    }
    return columns;
  }

  private static void printText(PrintWriter out, String name, String type, String doc,
      List<Column> columns) {
    out.println(name + " (" + type.toLowerCase(java.util.Locale.ROOT) + ")"
        + (doc == null || doc.isEmpty() ? "" : ": " + doc));
    int width = columns.stream().mapToInt(col -> col.name().length()).max().orElse(0);
    for (Column col : columns) {
      out.println("  " + pad(col.name(), width) + "  " + pad(shortType(col.type()), 8) + "  "
          + (col.doc() == null ? "" : col.doc()));
    }
    out.println();
  }

  private static void printMarkdown(PrintWriter out, String name, String type, String doc,
      List<Column> columns) {
    out.println("### `" + name + "` (" + type.toLowerCase(java.util.Locale.ROOT) + ")");
    out.println();
    if (doc != null && !doc.isEmpty()) {
      out.println(doc);
      out.println();
    }
    out.println("| column | type | meaning |");
    out.println("| --- | --- | --- |");
    for (Column col : columns) {
      out.println("| `" + col.name() + "` | " + shortType(col.type()) + " | "
          + (col.doc() == null ? "" : col.doc().replace("|", "\\|")) + " |");
    }
    out.println();
  }

  /** Calcite reports e.g. "VARCHAR NOT NULL"; the nullability is noise here. */
  private static String shortType(String type) {
    return type == null ? "" : type.replace(" NOT NULL", "");
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
