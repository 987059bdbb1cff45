package dev.gotrace.jdbc.golden;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The user regions and tasks of a Go summary golden (PROG.summary.json, gohelper's
 * internal/trace summary), grouped as {@code go tool trace}'s user region and task pages group them.
 */
public final class SummaryGolden {
  /** Tasks of one name: how many, and the durations of the complete ones. */
  public record Tasks(int count, List<Long> completeDurations) {}

  private SummaryGolden() {}

  /**
   * Durations of every region, [start or trace start, end or trace end], grouped by {@code key}
   * and sorted by it, as the user region pages measure them.
   */
  public static Map<String, List<Long>> regionDurations(JsonNode summary, Function<JsonNode, String> key) {
    long start = summary.get("trace_start").asLong();
    long end = summary.get("trace_end").asLong();
    Map<String, List<Long>> durations = new TreeMap<>();
    for (JsonNode r : summary.get("regions")) {
      long from = r.get("start").isNull() ? start : r.get("start").asLong();
      long to = r.get("end").isNull() ? end : r.get("end").asLong();
      durations.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(to - from);
    }
    return durations;
  }

  /** The tasks per name, sorted by name: all counted, durations over complete tasks only. */
  public static Map<String, Tasks> tasksByName(JsonNode summary) {
    Map<String, Tasks> byName = new TreeMap<>();
    for (JsonNode t : summary.get("tasks")) {
      Tasks old = byName.getOrDefault(t.get("name").asText(), new Tasks(0, new ArrayList<>()));
      if (t.get("complete").asBoolean()) old.completeDurations().add(t.get("end").asLong() - t.get("start").asLong());
      byName.put(t.get("name").asText(), new Tasks(old.count() + 1, old.completeDurations()));
    }
    return byName;
  }
}
