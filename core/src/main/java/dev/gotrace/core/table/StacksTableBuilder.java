package dev.gotrace.core.table;

import static dev.gotrace.core.table.Fields.bigint;
import static dev.gotrace.core.table.Fields.int32;
import static dev.gotrace.core.table.Fields.string;

import dev.gotrace.core.event.StackTable;
import org.apache.arrow.vector.types.pojo.Schema;

/** {@code stacks}: one row per distinct stack of the trace-wide {@link StackTable}. */
final class StacksTableBuilder {
  static final String NAME = "stacks";
  static final Schema SCHEMA = Fields.schema(
      "One row per distinct stack (stacks are deduplicated by their frames across generations; stack ids are ours).",
      bigint("stack_id", false, "Stack id (1, 2, ...), as used by every stack_id column."),
      int32("depth", false, "Number of frames."),
      string("leaf_function", true, "Function of the innermost frame (stack_frames.depth 0); NULL for an empty stack."),
      string("root_function", true, "Function of the outermost frame; NULL for an empty stack."),
      string("leaf_file", true, "Source file of the innermost frame; NULL for an empty stack."),
      bigint("leaf_line", true, "Line of the innermost frame; NULL for an empty stack."));

  private StacksTableBuilder() {}

  static TraceTable build(StackTable stacks, TableContext context) {
    LongColumn id = new LongColumn();
    IntColumn depth = new IntColumn();
    IntColumn leaf = new IntColumn();
    IntColumn root = new IntColumn();
    IntColumn leafFile = new IntColumn();
    LongColumn leafLine = new LongColumn();
    for (int s = 1; s < stacks.size(); s++) {
      int d = stacks.depth(s);
      id.add(s);
      depth.add(d);
      if (d == 0) {
        leaf.addNull();
        root.addNull();
        leafFile.addNull();
        leafLine.addNull();
      } else {
        leaf.add(stacks.function(s, 0));
        root.add(stacks.function(s, d - 1));
        leafFile.add(stacks.file(s, 0));
        leafLine.add(stacks.line(s, 0));
      }
    }
    return context.table(NAME, SCHEMA, id.size(), ColumnWriter.bigint(id), ColumnWriter.int32(depth),
        ColumnWriter.int32(leaf), ColumnWriter.int32(root), ColumnWriter.int32(leafFile),
        ColumnWriter.bigint(leafLine));
  }
}
