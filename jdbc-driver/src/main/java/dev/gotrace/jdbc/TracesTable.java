package dev.gotrace.jdbc;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code traces}: one row per trace file of a catalogue, the damaged ones too. Scanning it decodes
 * each readable trace's trace_info (in parallel, one pass per trace unless the decode cache has it),
 * so that its counts, time span and damage are known.
 */
final class TracesTable extends AbstractTable implements ScannableTable, DocumentedTable {
  static final String NAME = "traces";
  /** What decode_status says of a trace read to its end. */
  static final String OK = "ok";
  /** What decode_status says of a trace read only up to damage. */
  static final String TRUNCATED = "truncated";
  /** What decode_status says of a trace with no rows. */
  static final String FAILED = "failed";

  private record Column(String name, SqlTypeName type, boolean nullable, String doc) {}

  private static final List<Column> COLUMNS = List.of(
      new Column(CatalogueSchema.TRACE_ID, SqlTypeName.VARCHAR, false, CatalogueSchema.TRACE_ID_DOC),
      new Column("path", SqlTypeName.VARCHAR, false, "Absolute path of the file."),
      new Column("file_size", SqlTypeName.BIGINT, true, "Size of the file in bytes; NULL if it cannot be read."),
      new Column("format_version", SqlTypeName.VARCHAR, true,
          "Trace format version from the header, as trace_info.format_version; NULL if the trace has no rows."),
      new Column("duration_ns", SqlTypeName.BIGINT, true, "trace_info.duration_ns: the trace's time span in ns."),
      new Column("event_count", SqlTypeName.BIGINT, true, "trace_info.event_count: number of events read."),
      new Column("generation_count", SqlTypeName.BIGINT, true, "trace_info.generation_count: generations read."),
      new Column("wall_clock_start_ns", SqlTypeName.BIGINT, true,
          "trace_info.wall_clock_start_ns: Unix ns of the trace start (Go 1.25+ traces), else NULL."),
      new Column("truncated", SqlTypeName.BOOLEAN, true,
          "trace_info.truncated: whether the file ended early or was damaged, so its rows cover only what came before; "
              + "NULL if the trace has no rows."),
      new Column("lost_bytes", SqlTypeName.BIGINT, true, "trace_info.lost_bytes: bytes at the end that could not be used."),
      new Column("decode_status", SqlTypeName.VARCHAR, false, "'" + OK + "' (read to the end), '" + TRUNCATED
          + "' (read up to damage, as go tool trace reads it) or '" + FAILED
          + "' (not a readable Go trace, or unreadable: it has no rows in any table)."),
      new Column("error_message", SqlTypeName.VARCHAR, true,
          "Why the trace has no rows, or where reading it stopped; NULL if it was read to the end."));

  private final TraceCatalogue catalogue;

  TracesTable(TraceCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Override
  public String doc() {
    return "One row per trace file of the catalogue (a directory, glob or several paths), damaged ones included: "
        + "its trace_id, size, format, time span and how much of it could be read.";
  }

  @Override
  public Optional<String> columnDoc(String column) {
    return COLUMNS.stream().filter(c -> c.name().equals(column)).map(Column::doc).findFirst();
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory types) {
    RelDataTypeFactory.Builder b = types.builder();
    for (Column c : COLUMNS) b.add(c.name(), c.type()).nullable(c.nullable());
    return b.build();
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    // Holding the catalogue open while its vectors are read.
    catalogue.mounted();
    try {
      return Linq4j.asEnumerable(rows());
    } finally {
      catalogue.unmounted();
    }
  }

  private List<Object[]> rows() {
    List<ArrowTableSource> infos = new ArrayList<>();
    for (CatalogueMember m : catalogue.members()) {
      ArrowTableSource info = m.tables().stream().filter(t -> t.name().equals("trace_info")).findFirst().orElseThrow();
      info.request();
      infos.add(info);
    }
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < infos.size(); i++) {
      CatalogueMember m = catalogue.members().get(i);
      List<VectorSchemaRoot> batches = infos.get(i).batches();
      VectorSchemaRoot info = batches.isEmpty() || batches.get(0).getRowCount() == 0 ? null : batches.get(0);
      boolean truncated = info != null && Boolean.TRUE.equals(value(info, "truncated"));
      String error = m.error() != null ? m.error() : info == null ? null : (String) value(info, "error_message");
      rows.add(new Object[] {m.traceId(), m.path().toString(), fileSize(m),
          value(info, "format_version"), value(info, "duration_ns"), value(info, "event_count"),
          value(info, "generation_count"), value(info, "wall_clock_start_ns"), value(info, "truncated"),
          value(info, "lost_bytes"), m.error() != null || info == null ? FAILED : truncated ? TRUNCATED : OK, error});
    }
    return rows;
  }

  private static Long fileSize(CatalogueMember m) {
    try {
      return Files.size(m.path());
    } catch (IOException e) {
      return null;
    }
  }

  /** The first row's value of column {@code name} of trace_info, as the adapter types it; null if no row. */
  private static Object value(VectorSchemaRoot info, String name) {
    if (info == null) return null;
    FieldVector v = info.getVector(name);
    Object o = v.isNull(0) ? null : v.getObject(0);
    return o instanceof org.apache.arrow.vector.util.Text t ? t.toString() : o;
  }
}
