package dev.gotrace.core.table;

import dev.gotrace.core.event.EventKind;
import java.util.EnumSet;
import java.util.Set;

import dev.gotrace.core.event.TraceSink;

/** Builds one table: receives every event in Go's order, then writes its rows once. */
interface TableBuilder extends TraceSink {
  /**
   * The kinds of event that can change what the builder writes; a pass feeds it only those (most
   * builders ignore most events, and a call per builder per event was a tenth of publishing).
   */
  default Set<EventKind> kinds() { return EnumSet.allOf(EventKind.class); }

  TraceTable finish(TableContext context);

  /** Frees whatever the builder wrote to Arrow before {@link #finish} (a pass that failed). */
  default void abandon() {}
}
