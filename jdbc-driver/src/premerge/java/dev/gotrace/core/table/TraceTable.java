package dev.gotrace.core.table;

import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.Schema;

/** Pre-merge stand-in for core's table layer; see {@link TraceDatabase}. */
public final class TraceTable {
  private TraceTable() {}

  public String name() { throw new UnsupportedOperationException(); }
  public String doc() { throw new UnsupportedOperationException(); }
  public Schema schema() { throw new UnsupportedOperationException(); }
  public List<VectorSchemaRoot> batches() { throw new UnsupportedOperationException(); }
  public long rowCount() { throw new UnsupportedOperationException(); }
  public DictionaryProvider dictionaries() { throw new UnsupportedOperationException(); }
}
