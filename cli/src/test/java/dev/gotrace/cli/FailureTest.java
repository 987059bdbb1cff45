package dev.gotrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The exit code follows the class of the driver's SQLState; the driver's one-line message is kept. */
class FailureTest {
  @Test
  void memoryBoundIsExitCode3WithTheLaunchersHint() {
    Failure f = Failure.of(new SQLException("out of memory: decoding events would pass the bound", "53200"));
    assertEquals(ExitCodes.MEMORY, f.exitCode());
    assertEquals("out of memory: decoding events would pass the bound; raise the bound with GOTRACE_SQL_MEMORY"
        + " (e.g. GOTRACE_SQL_MEMORY=20g) or query smaller tables", f.message());
  }

  @Test
  void connectionErrorsAreInputErrors() {
    assertEquals(new Failure(ExitCodes.INPUT, "no such trace file: x"), Failure.of(new SQLException("no such trace file: x", "08001")));
  }

  @Test
  void sqlErrorsOfEveryOtherClassAreExitCode2() {
    for (String state : new String[] {"42000", "42S02", "0A000", "HY008", "22012"}) {
      assertEquals(new Failure(ExitCodes.SQL, "m"), Failure.of(new RuntimeException(new SQLException("m", state))));
    }
    assertEquals(new Failure(ExitCodes.SQL, "query failed: m"), Failure.of(new SQLException("m", "HY000")));
  }
}
