package dev.gotrace.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gotrace.core.TestData;
import dev.gotrace.core.table.TableSchemas;
import dev.gotrace.core.table.TraceDatabase;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export's layout, partition names and decode passes; Spark and DuckDB read the files in module interop. */
class TableExportTest {
  @TempDir Path dir;

  @Test
  void partitionDirectoriesEscapeAsSparkDoes() {
    assertEquals("trace_id=go1.27%2Fchansync.trace", HivePartition.directory("trace_id", "go1.27/chansync.trace"));
    assertEquals("trace_id=a%3Db%25c%3Ad%23e%3F%5Cf%7B%5B%5D%5Eg%27h%22i%2A", HivePartition.directory("trace_id",
        "a=b%c:d#e?\\f{[]^g'h\"i*"));
    assertEquals("trace_id=run 1,été.trace%01", HivePartition.directory("trace_id", "run 1,été.trace\u0001"));
  }

  @Test
  void everyTableIsBuiltByExactlyOnePassAndTheBusiestTablesGetTheirOwn() throws Exception {
    Path trace = TestData.root().resolve("traces/go1.27/mix.trace");
    List<List<String>> passes = TableExport.passes(trace);
    List<String> all = new ArrayList<>();
    passes.forEach(all::addAll);
    assertEquals(TableSchemas.names().size(), all.size());
    assertEquals(new java.util.TreeSet<>(TableSchemas.names()), new java.util.TreeSet<>(all));
    assertEquals(List.of("events"), passes.get(0));
    assertTrue(passes.size() >= 3, passes.toString());
  }

  @Test
  void arrowFilesHoldEveryTableOfEachTraceWithItsRows() throws Exception {
    Map<String, Path> traces = Map.of("a/chansync.trace", TestData.root().resolve("traces/go1.27/chansync.trace"));
    List<String> seen = new ArrayList<>();
    TableExport.write(traces, dir, TableExport.Format.ARROW, (id, files, rows, damage) -> {
      seen.add(id + " " + files + " " + (damage == null));
      assertTrue(rows > 0);
    });
    assertEquals(List.of("a/chansync.trace " + TableSchemas.names().size() + " true"), seen);
    try (TraceDatabase db = TraceDatabase.open(traces.get("a/chansync.trace"));
        BufferAllocator allocator = new RootAllocator()) {
      for (String table : TableSchemas.names()) {
        Path file = dir.resolve(table).resolve("trace_id=a%2Fchansync.trace").resolve("part-0.arrow");
        long rows = 0;
        try (ArrowFileReader reader = new ArrowFileReader(FileChannel.open(file), allocator)) {
          assertEquals(db.table(table).schema(), reader.getVectorSchemaRoot().getSchema(), table);
          while (reader.loadNextBatch()) rows += reader.getVectorSchemaRoot().getRowCount();
        }
        assertEquals(db.rowCount(table), rows, table);
      }
      assertEquals(0, allocator.getAllocatedMemory());
    }
  }

  @Test
  void parquetFilesAreWrittenForEveryTable() throws Exception {
    Map<String, Path> traces = Map.of("syscalls.trace", TestData.root().resolve("traces/go1.27/syscalls.trace"));
    TableExport.write(traces, dir, TableExport.Format.PARQUET, (id, files, rows, damage) -> {});
    for (String table : TableSchemas.names()) {
      Path file = dir.resolve(table).resolve("trace_id=syscalls.trace").resolve("part-0.parquet");
      byte[] bytes = Files.readAllBytes(file);
      // Parquet's magic at both ends; Spark and DuckDB read the contents in module interop.
      assertEquals("PAR1", new String(bytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII), table);
      assertEquals("PAR1", new String(bytes, bytes.length - 4, 4, java.nio.charset.StandardCharsets.US_ASCII), table);
    }
  }
}
