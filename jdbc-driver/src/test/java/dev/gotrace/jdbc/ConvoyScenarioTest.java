package dev.gotrace.jdbc;

import static dev.gotrace.jdbc.golden.SqlRows.asLong;
import static dev.gotrace.jdbc.golden.SqlRows.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * On the convoy program's trace (GOMAXPROCS 4, four workers doing all their work under one mutex
 * for 300 ms in region "convoy"), parallelism shows the convoy: in every 10 ms bucket of the
 * region GOMAXPROCS is 4 but about one goroutine runs and more than two Ps are idle; the workers'
 * execution time adds up to about the region's length, not four times it.
 */
class ConvoyScenarioTest {
  private static final Scenario CONVOY = new Scenario("convoy");
  private static final int WORKERS = 4;

  @Test void parallelismShowsOneGoroutineRunningOnFourPs() throws Exception {
    try (Connection c = CONVOY.connect()) {
      List<Map<String, Object>> buckets = query(c, "SELECT p.* FROM TABLE(parallelism(10000000)) p, regions r "
          + "WHERE r.name = 'convoy' AND p.bucket_ts >= r.ts AND p.bucket_ts + p.bucket_ns <= r.end_ts");
      assertTrue(buckets.size() >= 29, buckets.size() + " buckets in a 300 ms region");
      double running = 0;
      double idle = 0;
      for (Map<String, Object> b : buckets) {
        assertEquals((double) WORKERS, (Double) b.get("gomaxprocs"), b.toString());
        assertEquals((Double) b.get("gomaxprocs"), (Double) b.get("running_procs") + (Double) b.get("idle_procs"), 1e-9);
        assertTrue((Double) b.get("idle_procs") > 2, "at most two of four Ps busy: " + b);
        running += (Double) b.get("running_goroutines");
        idle += (Double) b.get("idle_procs");
      }
      assertTrue(running / buckets.size() < 1.25, "about one goroutine runs: " + running / buckets.size());
      assertTrue(idle / buckets.size() > 2.5, "most Ps idle: " + idle / buckets.size());

      Map<String, Object> workers = query(c, "SELECT g.goroutines, g.exec_ns, r.dur FROM goroutine_groups g, regions r "
          + "WHERE g.name = 'main.convoyWorker' AND r.name = 'convoy'").get(0);
      assertEquals((long) WORKERS, asLong(workers.get("goroutines")));
      assertTrue(asLong(workers.get("exec_ns")) < asLong(workers.get("dur")) * 1.25, workers.toString());
    }
  }
}
