package dev.gotrace.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gotrace.core.TestData;
import dev.gotrace.core.table.TraceDatabase;
import java.nio.file.Path;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Go's background-worker accounting (gc.go counts a worker's label on every run on top of its
 * start) leaves a P "in GC" after the last GC cycle, so utilization never returns to 1. On GC-heavy
 * traces whose last GC cycle is over before the trace ends, Go's function stays below 1 at the end,
 * while {@code background_once} returns to 1 as it must once no GC work is left.
 */
class BackgroundWorkerQuirkTest {
  @ParameterizedTest
  @ValueSource(strings = {"go1.27/gcpressure", "go1.27/mix", "go1.26/nethttp"})
  void correctedBackgroundReturnsToFullUtilization(String name) throws Exception {
    Path trace = TestData.root().resolve("traces").resolve(name + ".trace");
    try (TraceDatabase db = TraceDatabase.open(trace)) {
      assertEquals(0, openRangesAtEnd(db), "a GC range is still open at the end of " + name);
      assertTrue(finalUtilization(db, "stw|background") < 1.0, "Go's quirk did not show on " + name);
      assertEquals(1.0, finalUtilization(db, "stw|background_once"));
    }
  }

  /** The utilization just before Go's closing 0 point. */
  private static double finalUtilization(TraceDatabase db, String flags) {
    EventsTableReplay replay = new EventsTableReplay(db);
    MutatorUtilization utilization = new MutatorUtilization(UtilFlags.parse(flags), replay::string);
    replay.replay(utilization);
    UtilSeries series = utilization.finish().get(0);
    return series.util(series.size() - 2);
  }

  /** Ranges (GC mark phase, STW, assist, sweep) still open at trace end. */
  private static int openRangesAtEnd(TraceDatabase db) {
    int open = 0;
    for (VectorSchemaRoot batch : db.table("ranges").batches()) {
      BigIntVector dur = (BigIntVector) batch.getVector("dur");
      for (int i = 0; i < batch.getRowCount(); i++) if (dur.isNull(i)) open++;
    }
    return open;
  }
}
