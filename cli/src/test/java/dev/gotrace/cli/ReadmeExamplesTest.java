package dev.gotrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gotrace.core.DiffTestFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The README's SQL examples are executable contracts. Each {@code ```sql} block followed by a
 * printed table runs, as {@code bin/gotrace-sql query TRACE SQL --format markdown}, on the trace
 * the text names before the table ("On `testdata/...trace`", else the previous example's), and
 * must print exactly that table (before the next heading or block). Editing a view or the
 * formatter without the README fails here. So do the shell sessions ({@code $ bin/gotrace-sql
 * query ...} and the errors they print) and the first command with its table. Every statement of
 * a {@code ```sql} block without a printed table must be the query of a diff test in
 * testdata/difftests/ (run by the jdbc-driver's DiffTestsTest), and the rows it prints in
 * {@code --} comments, if any, must be that test's expected rows.
 */
class ReadmeExamplesTest {
  private static final Pattern ON_TRACE = Pattern.compile("^On `(testdata/[^`]+\\.trace)`");
  /** A shell session line: {@code $ bin/gotrace-sql query TRACE "SQL"}, maybe with {@code ; echo "exit $?"}. */
  private static final Pattern SESSION =
      Pattern.compile("^\\$ bin/gotrace-sql query (\\S+) \"([^\"]*)\"(; echo \"exit \\$\\?\")?$");
  /** The first command of the README: {@code bin/gotrace-sql query TRACE \} then the quoted SQL. */
  private static final Pattern COMMAND = Pattern.compile("^bin/gotrace-sql query (\\S+) \\\\$");

  /** One example: the README line of its SQL, the SQL, the trace and the printed table. */
  record Example(int line, String sql, String trace, String table) {}

  static List<Example> examples(List<String> readme) {
    List<Example> examples = new ArrayList<>();
    String trace = null;
    for (int i = 0; i < readme.size(); i++) {
      if (!readme.get(i).equals("```sql")) continue;
      int start = i + 1;
      int end = indexOf(readme, "```", start);
      String sql = String.join("\n", readme.subList(start, end));
      int j = end + 1;
      while (j < readme.size() && !readme.get(j).startsWith("| ") && !readme.get(j).startsWith("```")
          && !readme.get(j).startsWith("#")) {
        Matcher m = ON_TRACE.matcher(readme.get(j));
        if (m.find()) trace = m.group(1);
        j++;
      }
      i = end;
      if (j == readme.size() || !readme.get(j).startsWith("| ")) continue; // no printed output
      StringBuilder table = new StringBuilder();
      for (; j < readme.size() && readme.get(j).startsWith("| "); j++) table.append(readme.get(j)).append('\n');
      examples.add(new Example(start, sql, trace, table.toString()));
    }
    return examples;
  }

  private record Run(int exitCode, String out, String err) {}

  private static Run query(String trace, String sql, String... options) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> args = new ArrayList<>(List.of("query", Golden.root().resolve(trace).toString(), sql));
    args.addAll(List.of(options));
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  /** Every {@code $ bin/gotrace-sql query} line prints the error lines (and exit code) that follow it. */
  @TestFactory
  Stream<DynamicTest> everyShellSessionPrintsWhatFollowsIt() throws IOException {
    List<String> readme = Files.readAllLines(Golden.root().resolve("README.md"));
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < readme.size(); i++) {
      Matcher m = SESSION.matcher(readme.get(i));
      if (!m.matches()) continue;
      StringBuilder err = new StringBuilder();
      Integer exit = null;
      for (int j = i + 1; j < readme.size() && !readme.get(j).startsWith("$ ") && !readme.get(j).startsWith("```"); j++) {
        if (readme.get(j).startsWith("exit ")) exit = Integer.parseInt(readme.get(j).substring(5));
        else err.append(readme.get(j)).append('\n');
      }
      String trace = m.group(1);
      String sql = m.group(2);
      Integer expectedExit = m.group(3) == null ? null : exit;
      tests.add(DynamicTest.dynamicTest("README.md:" + (i + 1), () -> {
        Run r = query(trace, sql);
        assertEquals(err.toString(), r.err());
        assertEquals("", r.out());
        if (expectedExit != null) assertEquals(expectedExit, r.exitCode());
      }));
    }
    assertEquals(3, tests.size(), "README shell sessions");
    return tests.stream();
  }

  /** The first command of the README prints the table the README shows below it. */
  @Test
  void theFirstCommandPrintsTheTableShownBelowIt() throws IOException {
    List<String> readme = Files.readAllLines(Golden.root().resolve("README.md"));
    int at = 0;
    while (!COMMAND.matcher(readme.get(at)).matches()) at++;
    Matcher m = COMMAND.matcher(readme.get(at));
    assertTrue(m.matches());
    String sql = readme.get(at + 1).strip();
    int open = indexOf(readme, "```", indexOf(readme, "```", at) + 1);
    int close = indexOf(readme, "```", open + 1);
    Run r = query(m.group(1), sql.substring(1, sql.length() - 1));
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(String.join("\n", readme.subList(open + 1, close)) + "\n", r.out());
  }

  private static int indexOf(List<String> lines, String line, int from) {
    for (int i = from; i < lines.size(); i++) if (lines.get(i).equals(line)) return i;
    throw new IllegalArgumentException("unclosed ```sql block at line " + from);
  }

  /** A statement of a {@code ```sql} block: its README line, its SQL, the rows its {@code --} comments print. */
  record Statement(int line, String sql, List<String> printedRows) {}

  /** The statements of the {@code ```sql} blocks that {@link #examples} does not run (no printed table). */
  static List<Statement> unprintedStatements(List<String> readme) {
    Set<Integer> printed = new HashSet<>();
    for (Example e : examples(readme)) printed.add(e.line());
    List<Statement> statements = new ArrayList<>();
    for (int i = 0; i < readme.size(); i++) {
      if (!readme.get(i).equals("```sql")) continue;
      int end = indexOf(readme, "```", i + 1);
      if (!printed.contains(i + 1)) statements.addAll(statements(readme, i + 1, end));
      i = end;
    }
    return statements;
  }

  /** Lines [from, to) split at lines ending with {@code ;}; the comment lines holding " | " before the next are its rows. */
  private static List<Statement> statements(List<String> readme, int from, int to) {
    List<Statement> statements = new ArrayList<>();
    StringBuilder sql = new StringBuilder();
    int start = -1;
    for (int j = from; j < to; j++) {
      String line = readme.get(j);
      if (line.startsWith("--") || line.isBlank()) continue;
      if (start < 0) start = j;
      sql.append(line).append('\n');
      if (!line.endsWith(";") && j + 1 < to) continue;
      List<String> rows = new ArrayList<>();
      for (int k = j + 1; k < to && (readme.get(k).isBlank() || readme.get(k).startsWith("--")); k++) {
        if (!readme.get(k).startsWith("-- ") || !readme.get(k).contains(" | ")) continue;
        rows.add(String.join(" | ", Stream.of(readme.get(k).substring(3).split("\\|")).map(String::strip).toList()));
      }
      statements.add(new Statement(start + 1, sql.toString().strip().replaceAll(";$", ""), rows));
      sql.setLength(0);
      start = -1;
    }
    return statements;
  }

  /** The rule that lets no README SQL go untested: run here with its printed table, or a diff test. */
  @Test
  void everyUnprintedStatementIsADiffTestWithTheRowsItShows() throws IOException {
    List<Statement> statements = unprintedStatements(Files.readAllLines(Golden.root().resolve("README.md")));
    assertTrue(statements.size() >= 3, "only " + statements.size() + " README statements without a printed table");
    Map<String, DiffTestFile.Case> diffTests = DiffTestFile.casesByQuery();
    for (Statement s : statements) {
      DiffTestFile.Case k = diffTests.get(DiffTestFile.normalized(s.sql()));
      assertNotNull(k, "README.md:" + s.line() + " is neither followed by its table nor a query in "
          + DiffTestFile.DIRECTORY + ": " + s.sql());
      if (!s.printedRows().isEmpty()) assertEquals(k.expected(), s.printedRows(), "README.md:" + s.line() + " prints");
    }
  }

  @TestFactory
  Stream<DynamicTest> everyPrintedExampleIsWhatTheCliPrints() throws IOException {
    List<Example> examples = examples(Files.readAllLines(Golden.root().resolve("README.md")));
    assertTrue(examples.size() >= 20, "only " + examples.size() + " README examples found");
    return examples.stream().map(e -> DynamicTest.dynamicTest("README.md:" + e.line(), () -> {
      Run r = query(e.trace(), e.sql(), "--format", "markdown");
      assertEquals(0, r.exitCode(), r.err());
      assertEquals(e.table(), r.out(), "README.md:" + e.line() + " on " + e.trace());
    }));
  }
}
