package dev.gotrace.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One file of testdata/difftests/: SQL diff tests in the style of Quidem. {@code !use PATH} names
 * the trace (relative to the repository root) for the cases after it; a case is a query ending
 * with {@code ;} at the end of a line, then its expected rows, then {@code !ok}. The rows are a
 * header of column labels, then one line per row, values joined by {@code " | "}, NULL as
 * {@code NULL}. Lines starting {@code --} outside a case are comments.
 */
public record DiffTestFile(Path path, List<String> lines, List<Case> cases) {
  public static final String DIRECTORY = "testdata/difftests";

  /** A query on a trace; {@code expected} are lines [expectedFrom, okLine) of the file, 0-based. */
  public record Case(String trace, String sql, int line, List<String> expected, int expectedFrom, int okLine) {}

  /** Every {@code *.sql} file of testdata/difftests, by name. */
  public static List<DiffTestFile> all() {
    try (Stream<Path> files = Files.list(TestData.root().getParent().resolve(DIRECTORY))) {
      return files.filter(f -> f.toString().endsWith(".sql")).sorted().map(DiffTestFile::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static DiffTestFile read(Path path) {
    try {
      return parse(path, Files.readAllLines(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DiffTestFile parse(Path path, List<String> lines) {
    List<Case> cases = new ArrayList<>();
    String trace = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("--")) continue;
      if (line.startsWith("!use ")) {
        trace = line.substring(5).strip();
        continue;
      }
      if (trace == null) throw new IllegalArgumentException(path + ":" + (i + 1) + ": a query before any !use");
      int start = i;
      while (i < lines.size() && !lines.get(i).endsWith(";")) i++;
      if (i == lines.size()) throw new IllegalArgumentException(path + ":" + (start + 1) + ": a query without ;");
      String sql = String.join("\n", lines.subList(start, i + 1));
      int ok = i + 1;
      while (ok < lines.size() && !lines.get(ok).equals("!ok")) ok++;
      if (ok == lines.size()) throw new IllegalArgumentException(path + ":" + (start + 1) + ": a case without !ok");
      cases.add(new Case(trace, sql.substring(0, sql.length() - 1), start + 1, lines.subList(i + 1, ok), i + 1, ok));
      i = ok;
    }
    return new DiffTestFile(path, lines, cases);
  }

  /** This file's text with each case's expected rows replaced by {@code rows.get(case)}. */
  public String withExpected(List<List<String>> rows) {
    List<String> out = new ArrayList<>(lines);
    for (int c = cases.size() - 1; c >= 0; c--) {
      Case k = cases.get(c);
      out.subList(k.expectedFrom(), k.okLine()).clear();
      out.addAll(k.expectedFrom(), rows.get(c));
    }
    return String.join("\n", out) + "\n";
  }

  /** Every case of every diff file by its query, whitespace collapsed (see {@link #normalized}); the first of equal queries. */
  public static Map<String, Case> casesByQuery() {
    Map<String, Case> cases = new LinkedHashMap<>();
    for (DiffTestFile f : all()) for (Case k : f.cases()) cases.putIfAbsent(normalized(k.sql()), k);
    return cases;
  }

  /** {@code sql} with runs of whitespace as one space, trimmed: how queries are compared across files. */
  public static String normalized(String sql) {
    return sql.strip().replaceAll("\\s+", " ");
  }
}
