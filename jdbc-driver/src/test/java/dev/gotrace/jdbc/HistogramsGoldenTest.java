package dev.gotrace.jdbc;

import static dev.gotrace.jdbc.golden.SqlRows.asLong;
import static dev.gotrace.jdbc.golden.SqlRows.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gotrace.core.TestData;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * region_histogram and task_histogram hold, bucket by bucket, the counts of go tool trace's
 * user regions and user tasks pages on every committed trace, and go_histogram_bucket_min gives
 * Go's bucket bounds (PROG.histograms.json, written by gohelper with traceviewer.TimeHistogram).
 */
@Execution(ExecutionMode.CONCURRENT)
class HistogramsGoldenTest {

  @TestFactory Stream<DynamicTest> histogramsEqualGos() {
    return TestData.allTraces().stream().map(trace -> dynamicTest(trace.toString(), () -> {
      JsonNode golden = new ObjectMapper().readTree(trace.golden("histograms.json").toFile());
      List<String> expected = new ArrayList<>();
      for (JsonNode r : golden.get("regions")) {
        for (Iterator<Map.Entry<String, JsonNode>> it = r.get("buckets").fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> b = it.next();
          expected.add("region|" + r.get("type").asText() + "|" + r.get("frame_func").asText() + "|"
              + r.get("frame_pc").asLong() + "|" + b.getKey() + "|" + b.getValue().asLong());
        }
      }
      for (JsonNode t : golden.get("tasks")) {
        for (Iterator<Map.Entry<String, JsonNode>> it = t.get("buckets").fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> b = it.next();
          expected.add("task|" + t.get("type").asText() + "|" + b.getKey() + "|" + b.getValue().asLong());
        }
      }
      List<String> actual = new ArrayList<>();
      List<Long> bounds = new ArrayList<>();
      try (Connection c = DriverManager.getConnection(GoTraceDriver.PREFIX + trace.file())) {
        for (Map<String, Object> r : query(c, "SELECT * FROM region_histogram")) {
          Long pc = asLong(r.get("frame_pc"));
          actual.add("region|" + r.get("name") + "|" + (r.get("frame_function") == null ? "" : r.get("frame_function"))
              + "|" + (pc == null ? 0 : pc) + "|" + r.get("bucket") + "|" + asLong(r.get("regions")));
          assertEquals(GoHistogram.bucketMin(((Number) r.get("bucket")).intValue()), asLong(r.get("bucket_min_ns")));
        }
        for (Map<String, Object> t : query(c, "SELECT * FROM task_histogram")) {
          actual.add("task|" + t.get("name") + "|" + t.get("bucket") + "|" + asLong(t.get("tasks")));
        }
      }
      for (int b = 0; b < golden.get("bucket_min").size(); b++) bounds.add(GoHistogram.bucketMin(b));
      List<Long> goBounds = new ArrayList<>();
      for (JsonNode m : golden.get("bucket_min")) goBounds.add(m.asLong());
      assertEquals(goBounds, bounds, "bucket bounds");
      expected.sort(null);
      actual.sort(null);
      assertEquals(expected, actual, trace + ": region and task histograms vs go tool trace");
    }));
  }
}
