package dev.gotrace.core.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of tests that build tables: each test gets a fresh allocator, and after it every database it
 * built is closed and the allocator must hold no memory (every test is a leak test).
 */
abstract class ArrowTest {
  protected BufferAllocator allocator;
  private final List<TraceDatabase> databases = new ArrayList<>();

  @BeforeEach void createAllocator() {
    allocator = new RootAllocator();
  }

  @AfterEach void checkNoLeak() {
    for (TraceDatabase db : databases) db.close();
    assertEquals(0, allocator.getAllocatedMemory(), "Arrow memory left after closing every database");
    allocator.close();
  }

  /** Builds a database from the events a script writes; closed after the test. */
  protected TraceDatabase database(EventScript script, Runnable events) {
    TraceTablesBuilder builder = new TraceTablesBuilder(script.strings, script.stacks);
    script.to(builder);
    events.run();
    TraceInfo info = new TraceInfo("test.trace", "1.26", 0, 1, 1_000_000_000L, null, false, 0, 0, 0, null);
    TraceDatabase db = TraceDatabase.build(builder, info, null, allocator, "test");
    databases.add(db);
    return db;
  }
}
