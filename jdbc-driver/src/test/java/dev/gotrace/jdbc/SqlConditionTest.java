package dev.gotrace.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLSyntaxErrorException;
import org.junit.jupiter.api.Test;

/** The driver parses gate conditions: what a comparison measures, and syntax errors as 42000. */
class SqlConditionTest {
  @Test
  void aComparisonMeasuresItsLeftOperandInLowerCase() throws Exception {
    SqlCondition c = SqlCondition.parse("(SELECT MAX(Delay_NS) FROM sync_blocking_profile) > 5");
    assertEquals("SELECT MAX(\"delay_ns\")\nFROM \"sync_blocking_profile\"", c.measured());
    assertEquals("SELECT ((SELECT MAX(Delay_NS) FROM sync_blocking_profile) > 5) AS condition_value, ("
        + c.measured() + ") AS found", c.query());
  }

  @Test
  void otherConditionsMeasureNothing() throws Exception {
    SqlCondition c = SqlCondition.parse("EXISTS (SELECT 1 FROM goroutines)");
    assertNull(c.measured());
    assertEquals("SELECT (EXISTS (SELECT 1 FROM goroutines)) AS condition_value", c.query());
  }

  @Test
  void aSyntaxErrorIs42000() {
    SQLSyntaxErrorException e = assertThrows(SQLSyntaxErrorException.class, () -> SqlCondition.parse("COUNT(* FROM"));
    assertEquals(SqlErrors.SYNTAX, e.getSQLState());
    assertEquals("Encountered \"FROM\" at line 1, column 9.", e.getMessage());
  }
}
