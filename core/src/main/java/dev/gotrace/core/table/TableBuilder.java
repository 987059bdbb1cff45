package dev.gotrace.core.table;

import dev.gotrace.core.event.TraceSink;

/** Builds one table: receives every event in Go's order, then writes its rows once. */
interface TableBuilder extends TraceSink {
  TraceTable finish(TableContext context);

  /** Frees whatever the builder wrote to Arrow before {@link #finish} (a pass that failed). */
  default void abandon() {}
}
