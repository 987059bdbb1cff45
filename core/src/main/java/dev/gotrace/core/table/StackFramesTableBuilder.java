package dev.gotrace.core.table;

import static dev.gotrace.core.table.Fields.bigint;
import static dev.gotrace.core.table.Fields.int32;
import static dev.gotrace.core.table.Fields.string;

import dev.gotrace.core.event.StackTable;
import org.apache.arrow.vector.types.pojo.Schema;

/** {@code stack_frames}: one row per frame of every stack of the trace-wide {@link StackTable}. */
final class StackFramesTableBuilder {
  static final String NAME = "stack_frames";
  static final Schema SCHEMA = Fields.schema(
      "One row per frame of a stack, as Go's reader reports it (frames of inlined calls are separate frames).",
      bigint("stack_id", false, "Stack (joins stacks.stack_id)."),
      int32("depth", false, "Position in the stack: 0 = leaf (innermost), stacks.depth - 1 = root."),
      bigint("pc", false, "Program counter (Go's uint64, as a signed 64-bit integer)."),
      string("function_name", false, "Function, e.g. 'main.worker' ('' if unknown)."),
      string("file", false, "Source file ('' if unknown)."),
      bigint("line", false, "Line in the file."));

  private StackFramesTableBuilder() {}

  static TraceTable build(StackTable stacks, TableContext context) {
    LongColumn id = new LongColumn();
    IntColumn depth = new IntColumn();
    LongColumn pc = new LongColumn();
    IntColumn function = new IntColumn();
    IntColumn file = new IntColumn();
    LongColumn line = new LongColumn();
    for (int s = 1; s < stacks.size(); s++) {
      for (int f = 0; f < stacks.depth(s); f++) {
        id.add(s);
        depth.add(f);
        pc.add(stacks.pc(s, f));
        function.add(stacks.function(s, f));
        file.add(stacks.file(s, f));
        line.add(stacks.line(s, f));
      }
    }
    return context.table(NAME, SCHEMA, id.size(), ColumnWriter.bigint(id), ColumnWriter.int32(depth),
        ColumnWriter.bigint(pc), ColumnWriter.int32(function), ColumnWriter.int32(file),
        ColumnWriter.bigint(line));
  }
}
