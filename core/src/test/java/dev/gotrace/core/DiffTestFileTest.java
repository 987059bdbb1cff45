package dev.gotrace.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The diff-test format: cases, their trace and rows, and rewriting the rows in place. */
class DiffTestFileTest {
  private static final Path FILE = Path.of("t.sql");
  private static final List<String> LINES = List.of(
      "-- header", "", "!use a.trace", "SELECT x", "FROM t;", "x", "1", "!ok", "",
      "!use b.trace", "SELECT y FROM u;", "y", "!ok");

  @Test void casesHaveTheirTraceQueryAndRows() {
    List<DiffTestFile.Case> cases = DiffTestFile.parse(FILE, LINES).cases();
    assertEquals(2, cases.size());
    assertEquals(new DiffTestFile.Case("a.trace", "SELECT x\nFROM t", 4, List.of("x", "1"), 5, 7), cases.get(0));
    assertEquals(new DiffTestFile.Case("b.trace", "SELECT y FROM u", 11, List.of("y"), 11, 12), cases.get(1));
  }

  @Test void rewritingTheRowsKeepsEverythingElse() {
    String text = DiffTestFile.parse(FILE, LINES).withExpected(List.of(List.of("x", "2", "3"), List.of("y", "NULL")));
    assertEquals("-- header\n\n!use a.trace\nSELECT x\nFROM t;\nx\n2\n3\n!ok\n\n!use b.trace\nSELECT y FROM u;\ny\nNULL\n!ok\n", text);
  }

  @Test void aCaseNeedsATraceASemicolonAndOk() {
    assertThrows(IllegalArgumentException.class, () -> DiffTestFile.parse(FILE, List.of("SELECT 1;", "!ok")));
    assertThrows(IllegalArgumentException.class, () -> DiffTestFile.parse(FILE, List.of("!use a.trace", "SELECT 1")));
    assertThrows(IllegalArgumentException.class, () -> DiffTestFile.parse(FILE, List.of("!use a.trace", "SELECT 1;", "x")));
  }
}
