package dev.gotrace.jdbc;

import java.lang.reflect.Type;
import java.util.List;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeImpl;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.TableMacro;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.tools.FrameworkConfig;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.Planner;

/**
 * A shipped view in a trace schema, analysed once, on first use, into a {@link
 * DocumentedViewTable}.
 *
 * <p>Calcite's own {@code ViewTable.viewMacro} would analyse the view again at every reference,
 * on an internal connection with the default lexical policy (unquoted names upper-cased) and the
 * default type system. This macro validates the view with {@link GoTraceLex} and {@link
 * GoTraceTypeSystem}, so view SQL is written like any gotrace query and its column types match
 * what queries see; {@link GoTracePrepare} parses it the same way when the view is expanded.
 */
final class ViewMacro implements TableMacro {
  private final SchemaPlus schema;
  private final ViewDefinition view;
  private DocumentedViewTable table;
  private boolean analysing;

  ViewMacro(SchemaPlus schema, ViewDefinition view) {
    this.schema = schema;
    this.view = view;
  }

  @Override
  public List<FunctionParameter> getParameters() {
    return List.of();
  }

  /**
   * The view as a table.
   *
   * @throws IllegalStateException if the view's SQL is invalid or the view depends on itself
   */
  @Override
  public synchronized TranslatableTable apply(List<?> arguments) {
    if (table == null) {
      if (analysing) throw new IllegalStateException("view " + view.name() + " depends on itself");
      analysing = true;
      try {
        table = analyse();
      } finally {
        analysing = false;
      }
    }
    return table;
  }

  private DocumentedViewTable analyse() {
    FrameworkConfig config = Frameworks.newConfigBuilder()
        .defaultSchema(schema)
        .parserConfig(GoTraceLex.PARSER_CONFIG)
        .typeSystem(GoTraceTypeSystem.INSTANCE)
        .build();
    RelDataType rowType;
    Planner planner = Frameworks.getPlanner(config);
    try {
      SqlNode parsed = planner.parse(view.sql());
      rowType = planner.validateAndGetType(parsed).right;
    } catch (Exception e) {
      throw new IllegalStateException("view " + view.name() + " is invalid: " + e.getMessage(), e);
    } finally {
      planner.close();
    }
    JavaTypeFactory typeFactory = new JavaTypeFactoryImpl(GoTraceTypeSystem.INSTANCE);
    Type elementType = typeFactory.getJavaClass(rowType);
    List<String> schemaPath = CalciteSchema.from(schema).path(null);
    List<String> viewPath = CalciteSchema.from(schema).path(view.name());
    return new DocumentedViewTable(elementType, RelDataTypeImpl.proto(rowType), view, schemaPath, viewPath);
  }
}
