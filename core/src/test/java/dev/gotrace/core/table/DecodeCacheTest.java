package dev.gotrace.core.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gotrace.core.TestData;
import dev.gotrace.core.format.TraceFormatException;
import dev.gotrace.core.read.ReadOptions;
import dev.gotrace.core.read.TraceReadResult;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decode cache serves exactly what a decode builds, and never serves an entry that does not
 * check out: a corrupt, cut or stale table file is rebuilt from the trace.
 */
class DecodeCacheTest extends ArrowTest {
  private static final List<String> TABLES = List.of("events", "blocking_profiles", "goroutines", "stacks",
      "stack_frames", "goroutine_times");

  @TempDir Path scratch;
  private Path trace;
  private DecodeCache cache;

  @BeforeEach void copyTrace() throws IOException {
    trace = Files.copy(TestData.root().resolve("traces/go1.27/mix.trace"), scratch.resolve("mix.trace"));
    cache = DecodeCache.at(scratch.resolve("cache"));
  }

  @Test void aReopenedTraceIsServedFromTheCacheWithTheDecodedValues() throws IOException {
    Map<String, List<Map<String, Object>>> decoded = contents(DecodeCache.disabled());
    try (TraceDatabase first = open()) {
      first.request(TABLES);
      first.table("events");
      assertEquals(1, first.decodePasses());
      assertEquals(Set.of(), first.cachedTables());
    }
    try (TraceDatabase again = open()) {
      // what the decoder reported is known before any table is read
      TraceReadResult result = again.decoded().orElseThrow();
      assertEquals(decodedResult().eventCount(), result.eventCount());
      assertEquals(decodedResult().generationCount(), result.generationCount());
      for (String name : TABLES) assertEquals(decoded.get(name), Rows.of(again.table(name)), name);
      assertEquals(0, again.decodePasses());
      assertEquals(Set.copyOf(TABLES), again.cachedTables());
    }
  }

  @Test void aCorruptedTableFileIsRebuiltNotServed() throws IOException {
    fill();
    Path events = tableFile("events");
    try (RandomAccessFile f = new RandomAccessFile(events.toFile(), "rw")) {
      long middle = f.length() / 2;
      f.seek(middle);
      int b = f.read();
      f.seek(middle);
      f.write(b ^ 0x5a);
    }
    expectRebuiltThenCached("events");
  }

  @Test void aCutTableFileIsRebuiltNotServed() throws IOException {
    fill();
    try (RandomAccessFile f = new RandomAccessFile(tableFile("goroutines").toFile(), "rw")) {
      f.setLength(f.length() / 3);
    }
    expectRebuiltThenCached("goroutines");
  }

  @Test void aChangedTraceFileWipesItsEntry() throws IOException {
    fill();
    Files.setLastModifiedTime(trace, FileTime.fromMillis(Files.getLastModifiedTime(trace).toMillis() + 60_000));
    try (TraceDatabase db = open()) {
      assertTrue(db.decoded().isEmpty(), "the stale entry's decoder report must not be served");
      db.table("stacks");
      assertEquals(1, db.decodePasses());
      assertEquals(Set.of(), db.cachedTables());
    }
    assertTrue(Files.notExists(tableFile("events")), "the stale entry's tables are deleted");
  }

  @Test void aTruncatedTraceKeepsItsDamageReportThroughTheCache() throws IOException {
    byte[] bytes = Files.readAllBytes(trace);
    Files.write(trace, java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
    TraceReadResult direct;
    try (TraceDatabase db = TraceDatabase.open(trace, ReadOptions.lenient(), allocator)) {
      direct = db.readResult();
    }
    assertTrue(direct.truncated());
    fill();
    try (TraceDatabase db = open()) {
      TraceReadResult cached = db.decoded().orElseThrow();
      assertEquals(direct.error().getMessage(), cached.error().getMessage());
      assertEquals(direct.validBytes(), cached.validBytes());
      assertEquals(direct.eventCount(), cached.eventCount());
    }
    TraceFormatException strict = assertThrows(TraceFormatException.class,
        () -> TraceDatabase.open(trace, ReadOptions.strict(), allocator, cache).close());
    assertEquals(direct.error().getMessage(), strict.getMessage());
  }

  private void expectRebuiltThenCached(String damaged) throws IOException {
    List<Map<String, Object>> expected = contents(DecodeCache.disabled()).get(damaged);
    try (TraceDatabase db = open()) {
      assertEquals(expected, Rows.of(db.table(damaged)));
      assertEquals(1, db.decodePasses());
      assertTrue(!db.cachedTables().contains(damaged));
    }
    try (TraceDatabase db = open()) {
      assertEquals(expected, Rows.of(db.table(damaged)));
      assertEquals(0, db.decodePasses());
      assertEquals(Set.of(damaged), db.cachedTables());
    }
  }

  private void fill() throws IOException {
    try (TraceDatabase db = open()) {
      db.request(TABLES);
      db.table("events");
    }
    for (String name : TABLES) assertTrue(Files.isRegularFile(tableFile(name)), name);
  }

  private Path tableFile(String name) throws IOException {
    Path root = cache.directory().orElseThrow();
    try (var entries = Files.list(root)) {
      Path entry = entries.filter(Files::isDirectory).findFirst().orElseThrow();
      return entry.resolve(name + ".arrow");
    }
  }

  private TraceDatabase open() throws IOException {
    return TraceDatabase.open(trace, ReadOptions.lenient(), allocator, cache);
  }

  private TraceReadResult decodedResult() throws IOException {
    try (TraceDatabase db = TraceDatabase.open(trace, ReadOptions.lenient(), allocator)) {
      return db.readResult();
    }
  }

  private Map<String, List<Map<String, Object>>> contents(DecodeCache from) throws IOException {
    Map<String, List<Map<String, Object>>> all = new LinkedHashMap<>();
    try (TraceDatabase db = TraceDatabase.open(trace, ReadOptions.lenient(), allocator, from)) {
      db.request(TABLES);
      for (String name : TABLES) all.put(name, Rows.of(db.table(name)));
    }
    assertNotNull(all.get("events"));
    return all;
  }
}
