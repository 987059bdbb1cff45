package dev.gotrace.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import org.apache.arrow.memory.RootAllocator;

/**
 * Runs inside a class loader that holds only the shaded driver jar and the test classes (see
 * {@link ShadedDriverJarIT}); every class it touches, Calcite and Arrow included, comes from the
 * jar. Returns what it saw as text.
 */
public final class ShadedJarProbe implements Callable<List<String>> {
  @Override
  public List<String> call() throws Exception {
    List<String> seen = new ArrayList<>();
    for (Driver driver : ServiceLoader.load(Driver.class, getClass().getClassLoader())) {
      seen.add("driver " + driver.getClass().getName());
    }
    try (RootAllocator allocator = new RootAllocator()) {
      Fixtures fixtures = new Fixtures(allocator);
      try (Connection c = fixtures.connect()) {
        seen.addAll(Fixtures.rows(c, "SELECT kind, COUNT(*) FROM events WHERE goid < 10 GROUP BY kind ORDER BY kind"));
        seen.addAll(Fixtures.rows(c, "SELECT COUNT(*) FROM busy_goroutines"));
      }
      seen.add("allocated after close " + allocator.getAllocatedMemory());
    }
    return seen;
  }
}
