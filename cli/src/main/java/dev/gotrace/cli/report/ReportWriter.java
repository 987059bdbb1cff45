package dev.gotrace.cli.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes one run of {@code gotrace-sql report} in one format: the conditions first (known before any
 * report runs), then each report's rows as the report is executed.
 */
public interface ReportWriter {
  /** Starts the output for trace file {@code trace}, with the evaluated conditions and the number of reports to come. */
  void begin(String trace, List<ConditionResult> conditions, int reports);

  /** Writes report {@code name}, what it answers ({@code doc}) and all its rows. */
  void report(String name, String doc, ResultSet rows) throws SQLException;

  /** Ends the output. */
  void end() throws SQLException;
}
