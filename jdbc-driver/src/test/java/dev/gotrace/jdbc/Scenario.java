package dev.gotrace.jdbc;

import dev.gotrace.core.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * A scenario program (testdata/programs/PROG/main.go) and the trace Go 1.27 wrote running it
 * (testdata/scenarios/PROG.trace): what the program's source marks is what its tests expect.
 */
record Scenario(String program) {
  Path trace() { return TestData.root().resolve("scenarios").resolve(program + ".trace"); }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(GoTraceDriver.PREFIX + trace());
  }

  /** The 1-based line of the program's source that contains {@code marker} (exactly one must). */
  int line(String marker) throws IOException {
    List<String> lines = Files.readAllLines(TestData.root().resolve("programs").resolve(program).resolve("main.go"));
    int found = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(marker)) {
        if (found >= 0) throw new IllegalStateException(program + ": marker '" + marker + "' on two lines");
        found = i + 1;
      }
    }
    if (found < 0) throw new IllegalStateException(program + ": no line has marker '" + marker + "'");
    return found;
  }
}
