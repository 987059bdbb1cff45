package dev.gotrace.core.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gotrace.core.TestData;
import dev.gotrace.core.read.ReadOptions;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * goroutine_range_time equals Go 1.27's goroutine summary RangeTime (PROG.summary.json, written by
 * gohelper from internal/trace) for every goroutine of every committed trace, v1 and v2.
 */
class RangeTimeGoldenTest extends ArrowTest {

  @TestFactory Stream<DynamicTest> everyGoroutinesRangeTimeIsGos() {
    return TestData.allTraces().stream().map(trace -> dynamicTest(trace.toString(), () -> {
      JsonNode summary = new ObjectMapper().readTree(trace.golden("summary.json").toFile());
      Map<String, Long> expected = new TreeMap<>();
      for (JsonNode g : summary.get("goroutines")) {
        for (Iterator<Map.Entry<String, JsonNode>> it = g.get("range_time").fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          expected.put(g.get("id").asLong() + " " + e.getKey(), e.getValue().asLong());
        }
      }
      try (TraceDatabase db = TraceDatabase.open(trace.file(), ReadOptions.lenient(), allocator)) {
        assertEquals(expected, rangeTimes(db), trace + ": goroutine_range_time vs Go's RangeTime");
      }
    }));
  }

  private static Map<String, Long> rangeTimes(TraceDatabase db) {
    Map<String, Long> have = new TreeMap<>();
    for (Map<String, Object> r : Rows.of(db.table("goroutine_range_time"))) {
      have.put(r.get("goid") + " " + r.get("range_name"), (Long) r.get("dur_ns"));
    }
    return have;
  }
}
