package dev.gotrace.core.analysis;

import dev.gotrace.core.event.EventKind;
import dev.gotrace.core.event.GoState;
import dev.gotrace.core.event.ProcState;
import dev.gotrace.core.event.ResourceKind;
import dev.gotrace.core.event.TraceEvent;
import dev.gotrace.core.event.TraceEventWriter;
import dev.gotrace.core.event.TraceSink;
import dev.gotrace.core.table.TraceDatabase;
import dev.gotrace.core.table.TraceDictionary;
import dev.gotrace.core.table.TraceTable;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Replays the {@code events} table of a decoded trace as Go's event stream (kind, time, context,
 * transitions, names, values, range scopes), so analyses written against {@link TraceSink} run
 * after decoding without reading the file again. Times are the table's {@code ts} (relative to
 * the trace start); string ids are indices into the trace dictionary ({@link #string(int)}).
 */
public final class EventsTableReplay {
  private final TraceTable events;
  private final VarCharVector dictionary;
  private final String[] strings;
  private final Map<Integer, EventKind> kinds = new HashMap<>();
  /** Dictionary id of a state name → its ordinal, per resource: "running" is a goroutine's and a proc's. */
  private final Map<Integer, Integer> goStates = new HashMap<>();
  private final Map<Integer, Integer> procStates = new HashMap<>();
  private final Map<Integer, ResourceKind> resources = new HashMap<>();

  public EventsTableReplay(TraceDatabase db) {
    this.events = db.table("events");
    this.dictionary = (VarCharVector) events.dictionaries().lookup(TraceDictionary.ID).getVector();
    this.strings = new String[dictionary.getValueCount()];
    for (EventKind k : EventKind.values()) kinds.put(find(k.goName()), k);
    for (GoState s : GoState.values()) goStates.put(find(s.sqlName()), s.ordinal());
    for (ProcState s : ProcState.values()) procStates.put(find(s.sqlName()), s.ordinal());
    for (ResourceKind r : ResourceKind.values()) resources.put(find(r.sqlName()), r);
  }

  /** The string of dictionary index {@code id}. */
  public String string(int id) {
    String s = strings[id];
    if (s == null) {
      s = new String(dictionary.get(id), StandardCharsets.UTF_8);
      strings[id] = s;
    }
    return s;
  }

  private int find(String s) {
    for (int i = 0; i < dictionary.getValueCount(); i++) if (string(i).equals(s)) return i;
    return -1;
  }

  /** Feeds every event, in order, to {@code sink}. */
  public void replay(TraceSink sink) {
    TraceEventWriter ev = new TraceEventWriter();
    for (VectorSchemaRoot batch : events.batches()) {
      Columns c = new Columns(batch);
      for (int row = 0; row < batch.getRowCount(); row++) {
        EventKind kind = kinds.getOrDefault(c.kind.get(row), EventKind.BAD);
        ev.reset(c.eventId.get(row), 0, kind, c.ts.get(row), id(c.thread, row), id(c.proc, row),
            id(c.goid, row));
        switch (kind) {
          case STATE_TRANSITION -> {
            ResourceKind resource = resources.getOrDefault(c.resource.get(row), ResourceKind.NONE);
            Map<Integer, Integer> states = resource == ResourceKind.PROC ? procStates : goStates;
            ev.setTransition(resource, id(c.resourceId, row), states.get(c.from.get(row)),
                states.get(c.to.get(row)), c.reason.isNull(row) ? 0 : c.reason.get(row), 0);
          }
          case METRIC -> ev.setMetric(c.name.get(row), c.metricValue.get(row));
          case LABEL -> ev.setLabel(c.name.get(row), id(c.resourceId, row));
          case RANGE_BEGIN, RANGE_ACTIVE, RANGE_END -> ev.setRange(c.name.get(row),
              resources.getOrDefault(c.scopeKind.get(row), ResourceKind.NONE), id(c.scopeId, row));
          default -> { }
        }
        sink.onEvent(ev.event());
      }
    }
  }

  private static long id(BigIntVector v, int row) { return v.isNull(row) ? -1 : v.get(row); }

  /** The vectors of one batch that the replay reads. */
  private static final class Columns {
    final BigIntVector eventId;
    final BigIntVector ts;
    final IntVector kind;
    final BigIntVector goid;
    final BigIntVector proc;
    final BigIntVector thread;
    final IntVector resource;
    final BigIntVector resourceId;
    final IntVector from;
    final IntVector to;
    final IntVector reason;
    final IntVector name;
    final BigIntVector metricValue;
    final IntVector scopeKind;
    final BigIntVector scopeId;

    Columns(VectorSchemaRoot b) {
      eventId = (BigIntVector) b.getVector("event_id");
      ts = (BigIntVector) b.getVector("ts");
      kind = (IntVector) b.getVector("kind");
      goid = (BigIntVector) b.getVector("goid");
      proc = (BigIntVector) b.getVector("proc_id");
      thread = (BigIntVector) b.getVector("thread_id");
      resource = (IntVector) b.getVector("resource");
      resourceId = (BigIntVector) b.getVector("resource_id");
      from = (IntVector) b.getVector("from_state");
      to = (IntVector) b.getVector("to_state");
      reason = (IntVector) b.getVector("reason");
      name = (IntVector) b.getVector("name");
      metricValue = (BigIntVector) b.getVector("metric_value");
      scopeKind = (IntVector) b.getVector("scope_kind");
      scopeId = (BigIntVector) b.getVector("scope_id");
    }
  }
}
