package dev.gotrace.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gotrace.core.DiffTestFile;
import dev.gotrace.core.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every SQL diff test of testdata/difftests/ (format: {@link DiffTestFile}) through
 * {@code jdbc:gotrace:} and requires exactly its expected rows, and requires a diff test for every
 * shipped view and report. With {@code -Dregenerate=true} it writes each file's expected rows from
 * what the queries return instead of comparing; review the change, as it replaces the contract.
 */
class DiffTestsTest {
  private static final boolean REGENERATE = Boolean.getBoolean("regenerate");

  @TestFactory
  Stream<DynamicTest> everyQueryReturnsItsExpectedRows() {
    List<DiffTestFile> files = DiffTestFile.all();
    assertTrue(!files.isEmpty(), "no diff tests in " + DiffTestFile.DIRECTORY);
    return files.stream().map(file -> DynamicTest.dynamicTest(file.path().getFileName().toString(), () -> {
      List<List<String>> actual = new ArrayList<>();
      for (DiffTestFile.Case k : file.cases()) actual.add(rows(k));
      if (REGENERATE) {
        Files.writeString(file.path(), file.withExpected(actual));
        return;
      }
      for (int c = 0; c < file.cases().size(); c++) {
        DiffTestFile.Case k = file.cases().get(c);
        String at = file.path().getFileName() + ":" + k.line() + " on " + k.trace();
        assertEquals(String.join("\n", k.expected()), String.join("\n", actual.get(c)),
            at + firstDifference(k.expected(), actual.get(c)));
      }
    }));
  }

  /** Every view of queries/views/index.txt (but the {@code _} helpers) and every report is read by a diff test's query. */
  @Test
  void everyViewAndReportHasADiffTest() throws IOException {
    Set<String> queries = DiffTestFile.casesByQuery().keySet();
    List<String> untested = new ArrayList<>();
    List<String> views = new ArrayList<>(shipped("views", ""));
    views.addAll(shipped("reports", "report_"));
    for (String view : views) {
      Pattern read = Pattern.compile("\\b" + Pattern.quote(view) + "\\b");
      if (queries.stream().noneMatch(q -> read.matcher(q).find())) untested.add(view);
    }
    assertEquals(List.of(), untested, "views and reports without a diff test in " + DiffTestFile.DIRECTORY);
  }

  /** The names queries/DIR/index.txt lists (not {@code #} comments or {@code _} helpers), each with {@code prefix}. */
  private static List<String> shipped(String dir, String prefix) throws IOException {
    return Files.readAllLines(TestData.root().getParent().resolve("queries/" + dir + "/index.txt")).stream()
        .map(String::strip).filter(n -> !n.isEmpty() && !n.startsWith("#") && !n.startsWith("_"))
        .map(n -> prefix + n).toList();
  }

  /** The result as the diff files print it: labels, then rows, values joined by " | ", NULL for null. */
  private static List<String> rows(DiffTestFile.Case k) throws SQLException {
    Path trace = TestData.root().getParent().resolve(k.trace());
    try (Connection c = DriverManager.getConnection(GoTraceDriver.PREFIX + trace);
        Statement st = c.createStatement(); ResultSet rs = st.executeQuery(k.sql())) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> out = new ArrayList<>();
      List<String> values = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) values.add(md.getColumnLabel(i));
      out.add(String.join(" | ", values));
      while (rs.next()) {
        values.clear();
        for (int i = 1; i <= md.getColumnCount(); i++) values.add(rs.getString(i) == null ? "NULL" : rs.getString(i));
        out.add(String.join(" | ", values));
      }
      return out;
    }
  }

  /** Where the rows first differ, as a line a reader can find in the file. */
  private static String firstDifference(List<String> expected, List<String> actual) {
    for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
      String e = i < expected.size() ? expected.get(i) : "(no row)";
      String a = i < actual.size() ? actual.get(i) : "(no row)";
      if (!e.equals(a)) return ": expected rows line " + (i + 1) + "\n  expected: " + e + "\n  actual:   " + a + "\n";
    }
    return "";
  }
}
