package dev.gotrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A Chrome trace-event JSON file, checked against the format as it is read: the fields every event
 * needs, complete slices and B/E pairs nested per track, async b/e and flow s/f paired by id.
 * Format: "Trace Event Format" (Google, docs.google.com/document/d/1CvAClvFfyA5R-PhYUmn5OOQtYMH4h6I0nSsKchNAySU).
 */
final class TraceEventFile {
  /** One slice, times in ns. */
  record Slice(int pid, long tid, String name, long ts, long dur, JsonNode args) {
    long end() {
      return ts + dur;
    }
  }

  /** One end of a flow arrow. */
  record FlowEnd(int pid, long tid, long ts) {}

  final List<JsonNode> events = new ArrayList<>();
  final List<Slice> slices = new ArrayList<>();
  final Map<String, FlowEnd> flowTails = new HashMap<>();
  final Map<String, FlowEnd> flowHeads = new HashMap<>();
  final Map<String, Integer> pidByProcessName = new HashMap<>();
  /** Thread names per pid and tid. */
  final Map<Integer, Map<Long, String>> threadNames = new TreeMap<>();

  static TraceEventFile read(Path file) throws IOException {
    TraceEventFile f = new TraceEventFile();
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    assertTrue(root.get("traceEvents").isArray(), "traceEvents must be an array");
    for (JsonNode e : root.get("traceEvents")) f.add(e);
    f.checkPairs();
    f.checkNesting();
    return f;
  }

  static long ns(JsonNode micros) {
    return new BigDecimal(micros.asText()).movePointRight(3).longValueExact();
  }

  private final Map<String, Integer> asyncOpen = new HashMap<>();
  private final Map<String, Deque<JsonNode>> beginStacks = new HashMap<>();

  private void add(JsonNode e) {
    events.add(e);
    for (String field : List.of("name", "ph", "pid", "tid")) assertTrue(e.has(field), "no " + field + ": " + e);
    assertTrue(e.get("pid").isInt() && e.get("tid").canConvertToLong(), "pid/tid must be integers: " + e);
    String ph = e.get("ph").asText();
    assertTrue(Set.of("X", "B", "E", "i", "C", "M", "b", "e", "s", "f").contains(ph), "phase " + ph + ": " + e);
    if (!ph.equals("M")) assertTrue(e.get("ts").isNumber(), "no numeric ts: " + e);
    int pid = e.get("pid").asInt();
    long tid = e.get("tid").asLong();
    switch (ph) {
      case "X" -> {
        long dur = ns(e.get("dur"));
        assertTrue(dur >= 0, "negative dur: " + e);
        slices.add(new Slice(pid, tid, e.get("name").asText(), ns(e.get("ts")), dur, e.get("args")));
      }
      case "B" -> beginStacks.computeIfAbsent(pid + "/" + tid, k -> new ArrayDeque<>()).push(e);
      case "E" -> {
        Deque<JsonNode> open = beginStacks.get(pid + "/" + tid);
        assertTrue(open != null && !open.isEmpty(), "E without B: " + e);
        JsonNode begin = open.pop();
        assertTrue(ns(begin.get("ts")) <= ns(e.get("ts")), "E before its B: " + e);
        slices.add(new Slice(pid, tid, begin.get("name").asText(), ns(begin.get("ts")),
            ns(e.get("ts")) - ns(begin.get("ts")), begin.get("args")));
      }
      case "b", "e" -> {
        String key = e.get("cat").asText() + "/" + e.get("id").asText();
        asyncOpen.merge(key, ph.equals("b") ? 1 : -1, Integer::sum);
      }
      case "s", "f" -> {
        Map<String, FlowEnd> ends = ph.equals("s") ? flowTails : flowHeads;
        FlowEnd previous = ends.put(e.get("id").asText(), new FlowEnd(pid, tid, ns(e.get("ts"))));
        assertTrue(previous == null, "flow id used twice: " + e);
      }
      case "C" -> e.get("args").fields().forEachRemaining(a -> assertTrue(a.getValue().isNumber(), "counter " + e));
      case "M" -> {
        String name = e.get("args").path("name").asText(null);
        if (name == null) break;
        if (e.get("name").asText().equals("process_name")) pidByProcessName.put(name, pid);
        if (e.get("name").asText().equals("thread_name")) {
          threadNames.computeIfAbsent(pid, p -> new TreeMap<>()).put(tid, name);
        }
      }
      default -> { }
    }
  }

  private void checkPairs() {
    beginStacks.forEach((track, open) -> assertTrue(open.isEmpty(), "B without E on " + track));
    asyncOpen.forEach((id, balance) -> assertEquals(0, balance, "async b/e unpaired: " + id));
    assertEquals(flowTails.keySet(), flowHeads.keySet(), "every flow has a tail and a head");
    flowTails.forEach((id, tail) -> assertTrue(tail.ts() <= flowHeads.get(id).ts(), "flow " + id + " goes back"));
  }

  /** Slices of one track either nest or follow each other: none overlaps another partially. */
  private void checkNesting() {
    Map<String, List<Slice>> byTrack = new HashMap<>();
    for (Slice s : slices) byTrack.computeIfAbsent(s.pid() + "/" + s.tid(), k -> new ArrayList<>()).add(s);
    byTrack.forEach((track, list) -> {
      list.sort(Comparator.comparingLong(Slice::ts).thenComparing(Comparator.comparingLong(Slice::dur).reversed()));
      Deque<Slice> open = new ArrayDeque<>();
      for (Slice s : list) {
        while (!open.isEmpty() && open.peek().end() <= s.ts()) open.pop();
        if (!open.isEmpty() && s.end() > open.peek().end()) {
          fail("slices overlap on track " + track + ": " + open.peek() + " and " + s);
        }
        open.push(s);
      }
    });
  }

  int pid(String processName) {
    Integer pid = pidByProcessName.get(processName);
    if (pid == null) fail("no process named " + processName);
    return pid;
  }

  List<Slice> slices(int pid) {
    return slices.stream().filter(s -> s.pid() == pid).toList();
  }

  /** Whether a slice of the track spans {@code ts} (start and end included). */
  boolean hasSliceAt(int pid, long tid, long ts) {
    return slices.stream().anyMatch(s -> s.pid() == pid && s.tid() == tid && s.ts() <= ts && ts <= s.end());
  }
}
