package dev.gotrace.core.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * times; goroutines carries Go's name, PC, creation, start and end times.
 */
class GoroutineSummaryGoldenTest extends ArrowTest {

  private static Path testdata() {
    return Path.of(System.getProperty("gotrace.root", ".")).resolve("testdata");
  }

  @TestFactory Stream<DynamicTest> everyTraceMatchesGosGoroutineSummary() throws IOException {
    Path golden = testdata().resolve("golden");
    assertTrue(Files.isDirectory(golden), "missing " + golden);
    List<Path> summaries;
    try (Stream<Path> files = Files.walk(golden)) {
      summaries = files.filter(p -> p.getFileName().toString().endsWith(".summary.json")).sorted().toList();
    }
    assertTrue(!summaries.isEmpty(), "no *.summary.json under " + golden);
    return summaries.stream().map(summary -> {
      String version = summary.getParent().getFileName().toString();
      String prog = summary.getFileName().toString().replace(".summary.json", "");
      Path trace = testdata().resolve("traces").resolve(version).resolve(prog + ".trace");
      return dynamicTest(version + "/" + prog, () -> {
        JsonNode expected = new ObjectMapper().readTree(summary.toFile());
        try (TraceDatabase db = TraceDatabase.open(trace, dev.gotrace.core.read.ReadOptions.lenient(), allocator)) {
          List<String> problems = mismatches(db, expected);
          assertEquals(List.of(), problems.subList(0, Math.min(20, problems.size())),
              problems.size() + " mismatches with " + summary);
        }
      });
    });
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
    return problems;
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
