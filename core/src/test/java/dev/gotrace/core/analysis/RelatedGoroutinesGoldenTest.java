package dev.gotrace.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gotrace.core.TestData;
import dev.gotrace.core.read.ReadOptions;
import dev.gotrace.core.table.TraceDatabase;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * For every goroutine of every committed trace, RelatedGoroutines gives the set Go 1.27's
 * RelatedGoroutinesV2 gives (PROG.related.json.gz, written by gohelper).
 */
class RelatedGoroutinesGoldenTest {

  @TestFactory Stream<DynamicTest> everyGoroutinesRelatedSetIsGos() {
    return TestData.allTraces().stream().map(trace -> dynamicTest(trace.toString(), () -> {
      JsonNode golden;
      try (InputStream in = new GZIPInputStream(Files.newInputStream(trace.golden("related.json.gz")))) {
        golden = new ObjectMapper().readTree(in);
      }
      Map<Long, List<Long>> expected = new TreeMap<>();
      Map<Long, List<Long>> actual = new TreeMap<>();
      try (RootAllocator allocator = new RootAllocator();
          TraceDatabase db = TraceDatabase.open(trace.file(), ReadOptions.lenient(), allocator)) {
        RelatedGoroutines related = RelatedGoroutines.index(db);
        for (JsonNode g : golden.get("goroutines")) {
          List<Long> ids = new ArrayList<>();
          for (JsonNode id : g.get("related")) ids.add(id.asLong());
          expected.put(g.get("id").asLong(), ids);
          actual.put(g.get("id").asLong(), new ArrayList<>(related.of(g.get("id").asLong()).keySet()));
        }
      }
      assertEquals(expected, actual, trace + ": related goroutines vs Go's RelatedGoroutinesV2");
    }));
  }
}
