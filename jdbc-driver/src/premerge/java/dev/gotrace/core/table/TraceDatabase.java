package dev.gotrace.core.table;

import java.nio.file.Path;
import java.util.List;

/**
 * Pre-merge stand-in for core's table layer, compiled only while
 * core/src/main/java/dev/gotrace/core/table/TraceDatabase.java does not exist (profile
 * {@code premerge-core-table} in jdbc-driver/pom.xml). It has the agreed signatures and opens
 * nothing. Delete this directory and the profile once core's table layer is merged.
 */
public final class TraceDatabase implements AutoCloseable {
  private TraceDatabase() {}

  public static TraceDatabase open(Path trace) {
    throw new UnsupportedOperationException("core's table layer is not merged yet: cannot open " + trace);
  }

  public List<TraceTable> tables() { throw new UnsupportedOperationException(); }

  public TraceTable table(String name) { throw new UnsupportedOperationException(); }

  @Override
  public void close() {}
}
