package dev.gotrace.bench;

import dev.gotrace.core.table.TraceTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Streams one {@link TraceTable}'s batches as an {@link ArrowReader}, with its dictionary-encoded
 * string columns decoded to plain VARCHAR (DuckDB then sees ordinary strings, as our SQL does).
 * Other columns are copied as they are. Used to hand a table to DuckDB through the C Data Interface.
 */
final class PlainTableReader extends ArrowReader {
  private final TraceTable table;
  private final byte[][] strings;
  private int next;

  PlainTableReader(TraceTable table, BufferAllocator allocator) {
    super(allocator);
    this.table = table;
    this.strings = dictionaryStrings(table);
  }

  private static byte[][] dictionaryStrings(TraceTable table) {
    for (Field f : table.schema().getFields()) {
      if (f.getDictionary() != null) {
        Dictionary d = table.dictionaries().lookup(f.getDictionary().getId());
        VarCharVector v = (VarCharVector) d.getVector();
        byte[][] out = new byte[v.getValueCount()][];
        for (int i = 0; i < out.length; i++) out[i] = v.get(i);
        return out;
      }
    }
    return new byte[0][];
  }

  @Override protected Schema readSchema() {
    List<Field> fields = new ArrayList<>();
    for (Field f : table.schema().getFields()) {
      fields.add(f.getDictionary() == null
          ? new Field(f.getName(), new FieldType(f.isNullable(), f.getType(), null), f.getChildren())
          : new Field(f.getName(), new FieldType(f.isNullable(), ArrowType.Utf8.INSTANCE, null), List.of()));
    }
    return new Schema(fields);
  }

  @Override public boolean loadNextBatch() throws IOException {
    if (next >= table.batches().size()) return false;
    ensureInitialized();
    VectorSchemaRoot source = table.batches().get(next++);
    VectorSchemaRoot target = getVectorSchemaRoot();
    int rows = source.getRowCount();
    for (int c = 0; c < source.getFieldVectors().size(); c++) {
      FieldVector from = source.getVector(c);
      FieldVector to = target.getVector(c);
      to.clear();
      if (from.getField().getDictionary() != null) {
        decode((IntVector) from, (VarCharVector) to, rows);
      } else {
        copy(from, to, rows);
      }
      to.setValueCount(rows);
    }
    target.setRowCount(rows);
    return true;
  }

  private void decode(IntVector ids, VarCharVector out, int rows) {
    out.allocateNew(rows);
    for (int i = 0; i < rows; i++) {
      if (ids.isNull(i)) out.setNull(i);
      else out.setSafe(i, strings[ids.get(i)]);
    }
  }

  /** Bulk copy of fixed-width values (the BIGINT columns); row by row for anything else. */
  private static void copy(FieldVector from, FieldVector to, int rows) {
    if (from instanceof BaseFixedWidthVector src && !(from instanceof BitVector)) {
      BaseFixedWidthVector dst = (BaseFixedWidthVector) to;
      dst.allocateNew(rows);
      dst.getValidityBuffer().setBytes(0, src.getValidityBuffer(), 0, (rows + 7) / 8);
      dst.getDataBuffer().setBytes(0, src.getDataBuffer(), 0, (long) rows * src.getTypeWidth());
      return;
    }
    to.allocateNew();
    for (int i = 0; i < rows; i++) to.copyFromSafe(i, i, from);
  }

  @Override public long bytesRead() { return 0; }

  @Override protected void closeReadSource() {}
}
