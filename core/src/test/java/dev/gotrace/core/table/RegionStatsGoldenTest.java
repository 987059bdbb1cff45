package dev.gotrace.core.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gotrace.core.TestData;
import dev.gotrace.core.read.ReadOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * region_stats equals, region by region, the stats of the regions in Go 1.27's goroutine summaries
 * (PROG.summary.json from gohelper: internal/trace's UserRegionSummary) on every committed trace:
 * total, exec, sched wait, syscall, syscall block, block (sum over reasons) and unknown time, with
 * the region's goroutine, task, type, begin and end; region_block_time and region_range_time hold its
 * non-zero block time by reason and range time (Go also keeps zero entries for keys the goroutine had
 * before the region).
 */
class RegionStatsGoldenTest extends ArrowTest {

  @TestFactory Stream<DynamicTest> everyRegionsStatsAreGos() {
    return TestData.allTraces().stream().map(trace -> dynamicTest(trace.toString(), () -> {
      JsonNode summary = new ObjectMapper().readTree(trace.golden("summary.json").toFile());
      List<String> expected = new ArrayList<>();
      for (JsonNode r : summary.get("regions")) {
        long block = 0;
        for (Iterator<JsonNode> it = r.get("block_time_by_reason").elements(); it.hasNext(); ) block += it.next().asLong();
        expected.add(line(r.get("goid").asLong(), r.get("task").asLong(), r.get("name").asText(), text(r.get("start")),
            text(r.get("end")), r.get("total_time").asLong(), r.get("exec_time").asLong(),
            r.get("sched_wait_time").asLong(), r.get("syscall_time").asLong(), r.get("syscall_block_time").asLong(),
            block, r.get("non_overlapping").get("Unknown time").asLong()) + nonZero(r.get("block_time_by_reason"))
            + nonZero(r.get("range_time")));
      }
      List<String> actual = new ArrayList<>();
      try (TraceDatabase db = TraceDatabase.open(trace.file(), ReadOptions.lenient(), allocator)) {
        long origin = (Long) Rows.of(db.table("trace_info")).get(0).get("first_ts_abs");
        Set<Object> listed = new HashSet<>();
        for (Map<String, Object> r : Rows.where(db.table("regions"), r -> (Boolean) r.get("in_go_summary"))) {
          listed.add(r.get("region_id"));
        }
        Map<Object, Map<String, Long>> blocks = byRegion(db.table("region_block_time"), "reason", "block_ns");
        Map<Object, Map<String, Long>> ranges = byRegion(db.table("region_range_time"), "range_name", "dur_ns");
        for (Map<String, Object> r : Rows.of(db.table("region_stats"))) {
          if (!listed.contains(r.get("region_id"))) continue;
          actual.add(line((Long) r.get("goid"), (Long) r.get("task_id"), (String) r.get("name"),
              absolute(r.get("start_ts"), origin), absolute(r.get("end_ts"), origin), (Long) r.get("total_ns"),
              (Long) r.get("exec_ns"), (Long) r.get("sched_wait_ns"), (Long) r.get("syscall_ns"),
              (Long) r.get("syscall_block_ns"), (Long) r.get("block_ns"), (Long) r.get("unknown_ns"))
              + nonZero(blocks.get(r.get("region_id"))) + nonZero(ranges.get(r.get("region_id"))));
        }
      }
      Collections.sort(expected);
      Collections.sort(actual);
      assertEquals(expected, actual, trace + ": region_stats vs Go's region summaries");
    }));
  }

  /** A region's non-zero times by key, as the text of a sorted map. */
  private static Map<String, Long> nonZero(JsonNode byKey) {
    Map<String, Long> out = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = byKey.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().asLong() != 0) out.put(e.getKey(), e.getValue().asLong());
    }
    return out;
  }

  private static Map<String, Long> nonZero(Map<String, Long> byKey) {
    Map<String, Long> out = new TreeMap<>(byKey == null ? Map.of() : byKey);
    out.values().removeIf(v -> v == 0);
    return out;
  }

  private static Map<Object, Map<String, Long>> byRegion(TraceTable table, String key, String value) {
    Map<Object, Map<String, Long>> out = new HashMap<>();
    for (Map<String, Object> r : Rows.of(table)) {
      out.computeIfAbsent(r.get("region_id"), k -> new TreeMap<>()).put((String) r.get(key), (Long) r.get(value));
    }
    return out;
  }

  private static String line(long goid, long task, String name, String start, String end, long... times) {
    StringBuilder b = new StringBuilder(goid + "/" + task + " '" + name + "' " + start + ".." + end);
    for (long t : times) b.append(' ').append(t);
    return b.toString();
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? "null" : n.asText();
  }

  private static String absolute(Object relative, long origin) {
    return relative == null ? "null" : Long.toString(origin + (Long) relative);
  }
}
