package dev.gotrace.jdbc;

import com.google.common.collect.Multimap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * A {@link TraceCatalogue} as one connection's schema. Each trace is a sub-schema named by its
 * trace_id (a {@link GoTraceSchema} with the shipped views, reachable as {@code
 * "go1.27/chansync.trace".goroutines} but not listed by JDBC metadata), and the schema itself has:
 *
 * <ul>
 *   <li>every table and shipped view (reports included) of a trace, as a {@link CatalogueTable}:
 *       the union over the traces of theirs, after a trace_id column, so each view is exactly its
 *       single-trace self within a trace (its joins never cross traces), and a condition on
 *       trace_id leaves the other traces out of the plan, undecoded;
 *   <li>{@code traces} ({@link TracesTable}): one row per trace file, damaged ones included;
 *   <li>the functions of a trace (the table functions that analyse one trace fail, saying so);
 *   <li>{@code TABLE(trace_diff(before_trace_id, after_trace_id))} ({@link TraceDiffMacro}), and
 *       in a catalogue named as two files, the view {@code trace_diff} comparing the first with the
 *       second.
 * </ul>
 *
 * Closing it (with the connection) releases the catalogue, and frees it if the connection owns it.
 */
final class CatalogueSchema extends AbstractSchema implements AutoCloseable {
  /** Name of the column every table and view of a catalogue starts with. */
  static final String TRACE_ID = "trace_id";
  /** Documentation of {@value #TRACE_ID}. */
  static final String TRACE_ID_DOC = "The trace the row comes from (joins traces.trace_id): the file's path relative "
      + "to the directory or glob the catalogue was opened on (for a file named by itself, its name), e.g. "
      + "'go1.27/chansync.trace'.";

  /** The SQL of catalogue connections (trace_diff), loaded once. */
  private static final ViewLoader CATALOGUE_SQL = ViewLoader.catalogue();

  private final TraceCatalogue catalogue;
  private final boolean owner;
  private final FunctionRegistry functions;

  private CatalogueSchema(TraceCatalogue catalogue, boolean owner, FunctionRegistry functions) {
    this.catalogue = catalogue;
    this.owner = owner;
    this.functions = functions;
  }

  /**
   * Adds {@code catalogue} to {@code parent} as schema {@code name}, with {@code views} and
   * {@code functions} in every trace's sub-schema; {@code owner}: closing the schema closes the
   * catalogue (a JDBC connection's own), else the catalogue outlives it (a server's).
   */
  static SchemaPlus mount(SchemaPlus parent, String name, TraceCatalogue catalogue, boolean owner, ViewLoader views,
      FunctionRegistry functions) {
    SchemaPlus schema = parent.add(name, new CatalogueSchema(catalogue, owner, functions));
    List<CatalogueMember> members = catalogue.members();
    SchemaPlus first = null;
    for (CatalogueMember m : members) {
      SchemaPlus trace = schema.add(m.traceId(), new GoTraceSchema(new MemberCatalog(catalogue, m), functions));
      // The views of every trace have the first one's row types: validated once, not per trace.
      if (first == null) {
        views.register(trace);
        first = trace;
      } else {
        views.register(trace, first);
      }
    }
    schema.add(TracesTable.NAME, new TracesTable(catalogue));
    List<String> ids = members.stream().map(CatalogueMember::traceId).toList();
    for (ArrowTableSource table : members.get(0).tables()) {
      Map<String, String> columns = withTraceId();
      for (Field f : table.schema().getFields()) {
        String doc = f.getMetadata() == null ? null : f.getMetadata().get(ArrowTableSource.DOC_KEY);
        columns.put(f.getName(), doc == null ? "" : doc);
      }
      schema.add(table.name(), new CatalogueTable(table.name(), table.doc(), columns, false, ids,
          first.tables().get(table.name())));
    }
    for (ViewDefinition view : views.views()) {
      Map<String, String> columns = withTraceId();
      view.columns().forEach((column, doc) -> columns.put(column, doc.meaning()));
      schema.add(view.name(), new CatalogueTable(view.name(), view.doc(), columns, true, ids,
          first.tables().get(view.name())));
    }
    ViewDefinition diff = CATALOGUE_SQL.views().stream().filter(v -> v.name().equals(TraceDiffMacro.NAME)).findFirst()
        .orElseThrow(() -> new IllegalStateException("the catalogue SQL has no " + TraceDiffMacro.NAME));
    TraceDiffMacro macro = new TraceDiffMacro(schema, diff, ids);
    schema.add(TraceDiffMacro.NAME, macro);
    catalogue.pair().ifPresent(p -> schema.add(TraceDiffMacro.NAME, macro.apply(List.of(p.before(), p.after()))));
    return schema;
  }

  private static Map<String, String> withTraceId() {
    Map<String, String> columns = new LinkedHashMap<>();
    columns.put(TRACE_ID, TRACE_ID_DOC);
    return columns;
  }

  /** {@code s} as an SQL string literal. */
  static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  /** {@code s} as a quoted SQL identifier. */
  static String identifier(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }

  /** The traces behind the schema. */
  TraceCatalogue catalogue() {
    return catalogue;
  }

  /**
   * The functions of a trace: the scalar and aggregate ones work on any rows; the table functions
   * that analyse one trace (mmu, wait_chain, ...) say that they need a connection to one trace.
   */
  @Override
  protected Multimap<String, Function> getFunctionMultimap() {
    return functions.functions();
  }

  @Override
  public boolean isMutable() {
    return false;
  }

  /** Closes the catalogue if this connection owns it; each trace's sub-schema releases it on its own close. */
  @Override
  public void close() {
    if (owner) catalogue.close();
  }

  /**
   * A trace of the catalogue as one connection's {@link TableCatalog}: it keeps the catalogue open
   * until closed (by its {@link GoTraceSchema}, once no scan of the connection reads it).
   */
  private static final class MemberCatalog implements TableCatalog {
    private final TraceCatalogue catalogue;
    private final CatalogueMember member;
    private boolean closed;

    MemberCatalog(TraceCatalogue catalogue, CatalogueMember member) {
      catalogue.mounted();
      this.catalogue = catalogue;
      this.member = member;
    }

    @Override public List<ArrowTableSource> tables() { return member.tables(); }

    @Override public <T> Optional<T> unwrap(Class<T> type) {
      return member.database().filter(type::isInstance).map(type::cast);
    }

    @Override public synchronized void close() {
      if (closed) return;
      closed = true;
      catalogue.unmounted();
    }
  }
}
