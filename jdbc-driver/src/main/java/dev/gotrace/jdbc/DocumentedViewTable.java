package dev.gotrace.jdbc;

import java.util.Optional;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.rel.type.RelProtoDataType;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.ViewTable;

/**
 * A shipped view: a Calcite {@link ViewTable} whose row type is found on first use ({@link
 * ViewRowType}) and which carries the documentation of its file's header.
 */
final class DocumentedViewTable extends ViewTable implements DocumentedTable {
  private final ViewDefinition view;

  /** The view {@code view} in {@code schema}. */
  DocumentedViewTable(SchemaPlus schema, ViewDefinition view) {
    this(schema, view, new ViewRowType(schema, view));
  }

  /** The view {@code view} in {@code schema}, whose row type {@code rowType} gives (without validating the SQL). */
  DocumentedViewTable(SchemaPlus schema, ViewDefinition view, RelProtoDataType rowType) {
    // The element type only serves Calcite's Queryable API; SQL reads rows as Object[].
    super(Object[].class, rowType, view.sql(), CalciteSchema.from(schema).path(null),
        CalciteSchema.from(schema).path(view.name()));
    this.view = view;
  }

  @Override
  public String doc() {
    return view.doc();
  }

  @Override
  public Optional<String> columnDoc(String column) {
    return Optional.ofNullable(view.columns().get(column)).map(ViewDefinition.ColumnDoc::meaning);
  }
}
