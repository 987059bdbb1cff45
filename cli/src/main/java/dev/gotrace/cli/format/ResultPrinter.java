package dev.gotrace.cli.format;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Writes a whole result set to the output in one format. */
public interface ResultPrinter {
  void print(ResultSet rows, PrintWriter out) throws SQLException;
}
