package dev.gotrace.jdbc;

import com.google.common.collect.Multimap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * The tables of one decoded trace, one {@link ArrowTable} each, plus the registered SQL
 * functions. Owns the catalogue: {@link #close()} frees its Arrow memory once no running scan
 * still reads it.
 */
public final class GoTraceSchema extends AbstractSchema implements AutoCloseable {
  private final SharedCatalog catalog;
  private final Map<String, Table> tables;
  private final FunctionRegistry functions;

  /**
   * Takes ownership of {@code catalog}.
   *
   * @throws IllegalArgumentException if a table has a column the adapter cannot read (the
   *     catalogue is closed then)
   */
  public GoTraceSchema(TableCatalog catalog, FunctionRegistry functions) {
    this.catalog = new SharedCatalog(catalog);
    this.functions = functions;
    try {
      Map<String, Table> map = new LinkedHashMap<>();
      for (ArrowTableSource source : catalog.tables()) {
        map.put(source.name(), new ArrowTable(this.catalog, source));
      }
      this.tables = Map.copyOf(map);
    } catch (RuntimeException e) {
      this.catalog.close();
      throw e;
    }
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }

  @Override
  protected Multimap<String, Function> getFunctionMultimap() {
    return functions.functions();
  }

  @Override
  public boolean isMutable() {
    return false;
  }

  /**
   * Runs {@code analysis} on the decoded trace behind this schema (core's TraceDatabase), keeping
   * its memory alive meanwhile; for table functions that compute from more than rows.
   */
  public <T, R> R analyze(Class<T> type, java.util.function.Function<T, R> analysis) {
    return catalog.withUnwrapped(type, analysis);
  }

  /**
   * The trace behind {@code schema} (a connection's schema), for the table function {@code
   * function}, which computes from one trace.
   *
   * @throws IllegalStateException if {@code schema} is not one trace's (a catalogue's, or none)
   */
  static GoTraceSchema of(SchemaPlus schema, String function) {
    Schema s = schema == null ? null : CalciteSchema.from(schema).schema;
    if (s instanceof GoTraceSchema trace) return trace;
    if (s instanceof CatalogueSchema) {
      throw new IllegalStateException(function + " works on one trace, not on a catalogue of traces: "
          + "open the trace alone (jdbc:gotrace:FILE)");
    }
    throw new IllegalStateException(function + " needs a jdbc:gotrace: connection");
  }

  /** Frees the trace's Arrow memory, at once or when the last running scan finishes. */
  @Override
  public void close() {
    catalog.close();
  }
}
