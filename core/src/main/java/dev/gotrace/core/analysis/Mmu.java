package dev.gotrace.core.analysis;

import dev.gotrace.core.table.TraceDatabase;
import java.util.List;

/** Minimum mutator utilization of a decoded trace, as {@code go tool trace}'s /mmu page computes it. */
public final class Mmu {
  private Mmu() {}

  /** The MMU curve of {@code db} for utilization flags such as {@code "stw|background|assist"}. */
  public static MmuCurve curve(TraceDatabase db, String flags) {
    EventsTableReplay replay = new EventsTableReplay(db);
    MutatorUtilization utilization = new MutatorUtilization(UtilFlags.parse(flags), replay::string);
    replay.replay(utilization);
    List<UtilSeries> series = utilization.finish();
    return new MmuCurve(series);
  }
}
