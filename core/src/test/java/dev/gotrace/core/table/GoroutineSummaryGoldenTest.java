package dev.gotrace.core.table;

import dev.gotrace.core.TestData;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gotrace.core.read.ReadOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * For every committed trace with a Go 1.27 summary golden (testdata/golden/go1.NN/PROG.summary.json,
 * written by Go's internal/trace): goroutine_states tiles each goroutine's life, and per goroutine
 * the sums per state give exactly Go's exec, sched wait, syscall, syscall block and block-by-reason
 * times; goroutines carries Go's name, PC, creation, start and end times; tasks and the regions
 * Go's summary lists are Go's.
 */
class GoroutineSummaryGoldenTest extends ArrowTest {

  @TestFactory Stream<DynamicTest> everyTraceMatchesGosGoroutineSummary() {
    return TestData.allTraces().stream().map(trace -> dynamicTest(trace.toString(), () -> {
      Path summary = trace.golden("summary.json");
      JsonNode expected = new ObjectMapper().readTree(summary.toFile());
      try (TraceDatabase db = TraceDatabase.open(trace.file(), dev.gotrace.core.read.ReadOptions.lenient(), allocator)) {
        List<String> problems = mismatches(db, expected);
        assertEquals(List.of(), problems.subList(0, Math.min(20, problems.size())),
            problems.size() + " mismatches with " + summary);
      }
    }));
  }

  /** Differences between the tables of {@code db} and Go's summary; empty if none. */
  static List<String> mismatches(TraceDatabase db, JsonNode expected) {
    List<String> problems = new ArrayList<>();
    Map<String, Object> info = Rows.of(db.table("trace_info")).get(0);
    long origin = (Long) info.get("first_ts_abs");
    long traceEnd = (Long) info.get("duration_ns");
    check(problems, "trace_start", expected.get("trace_start").asLong(), origin);
    check(problems, "trace_end", expected.get("trace_end").asLong(), origin + traceEnd);

    Map<Long, Map<String, Object>> goroutines = new TreeMap<>();
    for (Map<String, Object> g : Rows.of(db.table("goroutines"))) goroutines.put((Long) g.get("goid"), g);
    Map<Long, List<Map<String, Object>>> lives = new HashMap<>();
    for (Map<String, Object> r : Rows.of(db.table("goroutine_states"))) {
      lives.computeIfAbsent((Long) r.get("goid") * 1_000_000 + (Integer) r.get("incarnation"), k -> new ArrayList<>()).add(r);
    }
    for (List<Map<String, Object>> rows : lives.values()) {
      rows.sort(Comparator.comparing(r -> (Long) r.get("ts")));
      for (int i = 0; i + 1 < rows.size(); i++) {
        Map<String, Object> r = rows.get(i);
        Object next = rows.get(i + 1).get("ts");
        if (r.get("dur") == null || !next.equals((Long) r.get("ts") + (Long) r.get("dur"))) {
          problems.add("goroutine " + r.get("goid") + ": row at ts " + r.get("ts") + " does not reach the next at " + next);
        }
      }
    }

    List<Long> expectedIds = new ArrayList<>();
    for (JsonNode g : expected.get("goroutines")) {
      long id = g.get("id").asLong();
      expectedIds.add(id);
      Map<String, Object> row = goroutines.get(id);
      if (row == null) {
        problems.add("goroutine " + id + " missing");
        continue;
      }
      String at = "goroutine " + id + " ";
      check(problems, at + "name", g.get("name").asText(), row.get("name"));
      check(problems, at + "pc", g.get("pc").asLong(), orZero(row.get("pc"), 0));
      check(problems, at + "creation_time", g.get("creation_time").asLong(), origin + (Long) row.get("create_ts"));
      check(problems, at + "start_time", g.get("start_time").asLong(), orZero(row.get("start_ts"), origin));
      check(problems, at + "end_time", g.get("end_time").asLong(), orZero(row.get("end_ts"), origin));
      long end = row.get("end_ts") == null ? traceEnd : (Long) row.get("end_ts");
      check(problems, at + "total_time", g.get("total_time").asLong(), end - (Long) row.get("create_ts"));

      List<Map<String, Object>> rows = lives.getOrDefault(id * 1_000_000 + (Integer) row.get("incarnations"), List.of());
      if (!rows.isEmpty() && !rows.get(0).get("ts").equals(row.get("create_ts"))) {
        problems.add(at + "first interval starts at " + rows.get(0).get("ts") + ", not at create_ts " + row.get("create_ts"));
      }
      StateSums sums = StateSums.of(rows, traceEnd);
      check(problems, at + "exec_time", g.get("exec_time").asLong(), sums.exec);
      check(problems, at + "sched_wait_time", g.get("sched_wait_time").asLong(), sums.schedWait);
      check(problems, at + "syscall_time", g.get("syscall_time").asLong(), sums.syscall);
      check(problems, at + "syscall_block_time", g.get("syscall_block_time").asLong(), sums.syscallBlock);
      check(problems, at + "block_time_by_reason", nonZero(g.get("block_time_by_reason")), nonZero(sums.blockByReason));
    }
    check(problems, "goroutine ids", expectedIds, new ArrayList<>(goroutines.keySet()));
    checkTasks(problems, db, expected, origin);
    checkRegions(problems, db, expected, origin);
    return problems;
  }

  /** tasks = Go's task summaries: id, name, parent, start, end. */
  private static void checkTasks(List<String> problems, TraceDatabase db, JsonNode expected, long origin) {
    List<String> want = new ArrayList<>();
    for (JsonNode t : expected.get("tasks")) {
      want.add(t.get("id").asLong() + " '" + t.get("name").asText() + "' parent=" + text(t.get("parent"))
          + " start=" + text(t.get("start")) + " end=" + text(t.get("end")));
    }
    List<String> have = new ArrayList<>();
    for (Map<String, Object> t : Rows.of(db.table("tasks"))) {
      have.add(t.get("task_id") + " '" + t.get("name") + "' parent=" + t.get("parent_task_id")
          + " start=" + absolute(t.get("ts"), origin) + " end=" + absolute(t.get("end_ts"), origin));
    }
    checkSame(problems, "tasks", want, have);
  }

  /** regions with in_go_summary = the regions of Go's goroutine summaries, with the frame the region pages key them by. */
  private static void checkRegions(List<String> problems, TraceDatabase db, JsonNode expected, long origin) {
    Map<Long, Map<String, Object>> roots = new HashMap<>();
    for (Map<String, Object> f : Rows.of(db.table("stack_frames"))) {
      Map<String, Object> root = roots.get((Long) f.get("stack_id"));
      if (root == null || (Integer) root.get("depth") < (Integer) f.get("depth")) roots.put((Long) f.get("stack_id"), f);
    }
    List<String> want = new ArrayList<>();
    for (JsonNode r : expected.get("regions")) {
      want.add(r.get("goid").asLong() + "/" + r.get("task").asLong() + " '" + r.get("name").asText() + "' "
          + text(r.get("start")) + ".." + text(r.get("end")) + " " + r.get("frame_func").asText() + "@"
          + r.get("frame_pc").asLong());
    }
    List<String> have = new ArrayList<>();
    for (Map<String, Object> r : Rows.where(db.table("regions"), r -> (Boolean) r.get("in_go_summary"))) {
      Map<String, Object> frame = r.get("start_stack_id") == null ? null : roots.get((Long) r.get("start_stack_id"));
      have.add(r.get("goid") + "/" + r.get("task_id") + " '" + r.get("name") + "' " + absolute(r.get("ts"), origin)
          + ".." + absolute(r.get("end_ts"), origin) + " " + (frame == null ? "" : frame.get("function_name")) + "@"
          + (frame == null ? 0 : frame.get("pc")));
    }
    checkSame(problems, "regions", want, have);
  }

  /** Compares two multisets of rows, reporting only the rows one side lacks. */
  private static void checkSame(List<String> problems, String what, List<String> go, List<String> ours) {
    List<String> missing = new ArrayList<>(go);
    for (String row : ours) missing.remove(row);
    List<String> extra = new ArrayList<>(ours);
    for (String row : go) extra.remove(row);
    for (String row : missing) problems.add(what + ": missing " + row);
    for (String row : extra) problems.add(what + ": not in Go's summary: " + row);
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? "null" : n.asText();
  }

  private static String absolute(Object relative, long origin) {
    return relative == null ? "null" : Long.toString(origin + (Long) relative);
  }

  private static long orZero(Object relative, long origin) {
    return relative == null ? 0 : origin + (Long) relative;
  }

  private static Map<String, Long> nonZero(JsonNode byReason) {
    Map<String, Long> out = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = byReason.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().asLong() != 0) out.put(e.getKey(), e.getValue().asLong());
    }
    return out;
  }

  private static Map<String, Long> nonZero(Map<String, Long> byReason) {
    Map<String, Long> out = new TreeMap<>(byReason);
    out.values().removeIf(v -> v == 0);
    return out;
  }

  private static void check(List<String> problems, String what, Object expected, Object actual) {
    if (!Objects.equals(expected, actual)) problems.add(what + ": Go " + expected + ", ours " + actual);
  }
}
