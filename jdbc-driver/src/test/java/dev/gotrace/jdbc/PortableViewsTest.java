package dev.gotrace.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Which shipped views other engines can run, and in which order they are defined. (Spark and DuckDB run them in module interop.) */
class PortableViewsTest {
  private static final Map<String, PortableViews.View> VIEWS = PortableViews.shipped().stream()
      .collect(Collectors.toMap(v -> v.definition().name(), v -> v));

  @Test
  void everyShippedViewAndReportOnceEachAfterTheViewsItReads() {
    List<String> order = new ArrayList<>();
    for (PortableViews.View v : PortableViews.shipped()) {
      for (String read : v.views()) assertTrue(order.contains(read), v.definition().name() + " reads " + read + " before it");
      order.add(v.definition().name());
    }
    assertEquals(ViewLoader.shipped().views().size(), order.size());
    assertEquals(order.size(), VIEWS.size());
  }

  @Test
  void readsAreTheNamesAfterFromAndJoin() {
    PortableViews.View regions = VIEWS.get("region_frame_summary");
    assertEquals(List.of("_region_durations"), regions.views());
    assertEquals(List.of(), regions.tables());
    assertEquals(List.of("group_blocking_profiles"), VIEWS.get("goroutine_group_profiles").tables());
    assertEquals(List.of("blocking_intervals", "goroutines", "trace_info"), VIEWS.get("_profile_intervals").tables());
    assertEquals(List.of("goroutine_times"), VIEWS.get("goroutine_groups").tables(), "FROM (SELECT ...) reads no table");
  }

  @Test
  void notPortableSaysWhy() {
    for (String name : List.of("sync_blocking_profile", "net_blocking_profile", "syscall_blocking_profile",
        "sched_latency_profile", "goroutine_groups", "goroutine_group_profiles", "goroutine_leaks")) {
      assertNull(VIEWS.get(name).notPortable(), name);
    }
    assertEquals("calls gotrace's function percentile_nearest_rank", VIEWS.get("region_summary").notPortable());
    assertEquals("casts to VARCHAR without a length, which Spark SQL rejects", VIEWS.get("stack_text").notPortable());
    assertEquals("reads stack_text, which is not portable", VIEWS.get("report_top_sync").notPortable());
    assertTrue(VIEWS.get("report_gc").notPortable().contains("calls gotrace's function mmu"));
  }
}
