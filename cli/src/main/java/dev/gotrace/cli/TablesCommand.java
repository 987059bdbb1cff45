package dev.gotrace.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gotrace-sql tables TRACE [NAME...]}: tables and views with their documented columns. */
@Command(name = "tables", mixinStandardHelpOptions = true, usageHelpWidth = 110,
    description = {"List the tables, then the views, of a trace with their documented columns.",
        "Views whose names start with '_' are internal helpers and are listed only when named."},
    footerHeading = "%nExamples:%n",
    footer = {"  gotrace-sql tables app.trace", "  gotrace-sql tables app.trace goroutines goroutine_analysis",
        "  gotrace-sql tables app.trace --markdown > schema.md"})
final class TablesCommand implements Callable<Integer> {
  /** Text width the descriptions are wrapped to. */
  private static final int WIDTH = 100;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TRACE", description = TraceConnections.TRACE_HELP)
  String trace;

  @Mixin CacheOptions cache = new CacheOptions();

  @Parameters(index = "1..*", paramLabel = "NAME", description = "Only these tables or views.")
  List<String> names = new ArrayList<>();

  @Option(names = "--markdown", description = "Print the reference as Markdown.")
  boolean markdown;

  private record Column(String name, String type, String doc) {}

  private record Table(String name, String type, String doc) {}

  @Override public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (Connection c = TraceConnections.open(trace, cache)) {
      DatabaseMetaData md = c.getMetaData();
      List<Table> tables = selected(tables(md));
      TruncationWarning.printIfTruncated(c, spec.commandLine().getErr());
      for (Table t : tables) {
        List<Column> columns = columns(md, t.name());
        if (markdown) printMarkdown(out, t, columns);
        else printText(out, t, columns);
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  private List<Table> selected(List<Table> all) {
    if (names.isEmpty()) return all.stream().filter(t -> !t.name().startsWith("_")).toList();
    List<Table> chosen = new ArrayList<>();
    for (String name : names) {
      Table t = all.stream().filter(x -> x.name().equalsIgnoreCase(name)).findFirst()
          .orElseThrow(() -> new CliException(ExitCodes.SQL, "no table or view named " + name));
      chosen.add(t);
    }
    return chosen;
  }

  private static List<Table> tables(DatabaseMetaData md) throws SQLException {
    List<Table> tables = new ArrayList<>();
    try (ResultSet rs = md.getTables(null, "trace", "%", new String[] {"TABLE", "VIEW"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME");
        tables.add(new Table(name, rs.getString("TABLE_TYPE").toLowerCase(Locale.ROOT),
            withoutName(name, rs.getString("REMARKS"))));
      }
    }
    tables.sort(Comparator.comparing((Table t) -> !t.type().equals("table")).thenComparing(Table::name));
    return tables;
  }

  /** The views' descriptions start with "name: "; the name is already in the heading. */
  private static String withoutName(String name, String doc) {
    if (doc == null) return "";
    return doc.startsWith(name + ": ") ? doc.substring(name.length() + 2) : doc;
  }

  private static List<Column> columns(DatabaseMetaData md, String table) throws SQLException {
    List<Column> columns = new ArrayList<>();
    try (ResultSet rs = md.getColumns(null, "trace", table, "%")) {
      while (rs.next()) {
        columns.add(new Column(rs.getString("COLUMN_NAME"), shortType(rs.getString("TYPE_NAME")),
            rs.getString("REMARKS") == null ? "" : rs.getString("REMARKS")));
      }
    }
    return columns;
  }

  private static void printText(PrintWriter out, Table t, List<Column> columns) {
    out.println(t.name() + " (" + t.type() + ")");
    wrap(out, t.doc(), "  ", "  ");
    int nameWidth = columns.stream().mapToInt(col -> col.name().length()).max().orElse(0);
    int typeWidth = columns.stream().mapToInt(col -> col.type().length()).max().orElse(0);
    String hanging = " ".repeat(4 + nameWidth + 2 + typeWidth + 2);
    for (Column col : columns) {
      String lead = "    " + pad(col.name(), nameWidth) + "  " + pad(col.type(), typeWidth) + "  ";
      if (col.doc().isEmpty()) out.println(lead.stripTrailing());
      else wrap(out, col.doc(), lead, hanging);
    }
    out.println();
  }

  /** Word-wraps {@code text} to {@link #WIDTH}: the first line after {@code first}, the others after {@code rest}. */
  private static void wrap(PrintWriter out, String text, String first, String rest) {
    if (text.isEmpty()) return;
    StringBuilder line = new StringBuilder(first);
    boolean empty = true;
    for (String word : text.split("\\s+")) {
      if (!empty && line.length() + 1 + word.length() > Math.max(WIDTH, rest.length() + 30)) {
        out.println(line);
        line.setLength(0);
        line.append(rest);
        empty = true;
      }
      if (!empty) line.append(' ');
      line.append(word);
      empty = false;
    }
    out.println(line);
  }

  private static void printMarkdown(PrintWriter out, Table t, List<Column> columns) {
    out.println("### `" + t.name() + "` (" + t.type() + ")");
    out.println();
    if (!t.doc().isEmpty()) {
      out.println(t.doc());
      out.println();
    }
    out.println("| column | type | meaning |");
    out.println("| --- | --- | --- |");
    for (Column col : columns) {
      out.println("| `" + col.name() + "` | " + col.type() + " | " + col.doc().replace("|", "\\|") + " |");
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
