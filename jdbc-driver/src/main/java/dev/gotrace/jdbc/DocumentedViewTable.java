package dev.gotrace.jdbc;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.rel.type.RelProtoDataType;
import org.apache.calcite.schema.impl.ViewTable;

/** A view with the documentation from its file's header. */
final class DocumentedViewTable extends ViewTable implements DocumentedTable {
  private final ViewDefinition view;

  DocumentedViewTable(Type elementType, RelProtoDataType rowType, ViewDefinition view,
      List<String> schemaPath, List<String> viewPath) {
    super(elementType, rowType, view.sql(), schemaPath, viewPath);
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
