package dev.gotrace.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gotrace.jdbc.ViewDefinition.ColumnDoc;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing a view file's header into documentation. */
class ViewDefinitionTest {
  @Test
  void headerGivesViewDocColumnDocsAndContinuations() {
    ViewDefinition v = ViewDefinition.parse("slow_blocks", String.join("\n",
        "-- Blocking intervals longer than 1 ms.",
        "-- One row per interval.",
        "--",
        "-- goid BIGINT: goroutine (joins goroutines.goid)",
        "-- dur BIGINT: length, ns;",
        "--   NULL while still blocked",
        "-- reason VARCHAR(20): why it blocked",
        "SELECT goid, dur, reason -- trailing comment",
        "FROM blocking_intervals WHERE dur > 1000000;",
        ""));
    assertEquals("Blocking intervals longer than 1 ms. One row per interval.", v.doc());
    assertEquals(Map.of(
        "goid", new ColumnDoc("BIGINT", "goroutine (joins goroutines.goid)"),
        "dur", new ColumnDoc("BIGINT", "length, ns; NULL while still blocked"),
        "reason", new ColumnDoc("VARCHAR(20)", "why it blocked")), v.columns());
    assertEquals("slow_blocks", v.name());
    assertEquals(true, v.sql().endsWith("WHERE dur > 1000000"));
    assertEquals(true, v.sql().startsWith("-- Blocking intervals"));
  }

  @Test
  void fileWithoutHeaderHasNoDocs() {
    ViewDefinition v = ViewDefinition.parse("x", "SELECT 1 AS one");
    assertEquals("", v.doc());
    assertEquals(Map.of(), v.columns());
    assertEquals("SELECT 1 AS one", v.sql());
  }
}
