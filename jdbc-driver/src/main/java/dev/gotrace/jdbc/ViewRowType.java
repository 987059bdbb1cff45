package dev.gotrace.jdbc;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelProtoDataType;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.tools.FrameworkConfig;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.Planner;

/**
 * The row type of a shipped view, found by validating the view's SQL once, on first use.
 *
 * <p>Calcite's {@code ViewTable.viewMacro} would validate the view at every reference, on an
 * internal connection with the default lexical policy (unquoted names upper-cased) and the
 * default type system. This validates with {@link GoTraceLex} and {@link GoTraceTypeSystem}, so
 * view SQL is written like any gotrace query and its column types are the ones queries see;
 * {@link GoTracePrepare} parses the view the same way when a query expands it. Views may use
 * each other in any order; a view that depends on itself fails.
 */
final class ViewRowType implements RelProtoDataType {
  private final SchemaPlus schema;
  private final ViewDefinition view;
  private RelDataType rowType;
  private boolean validating;

  /** @param schema the schema the view belongs to; its names resolve the view's SQL */
  ViewRowType(SchemaPlus schema, ViewDefinition view) {
    this.schema = schema;
    this.view = view;
  }

  /**
   * @throws IllegalStateException if the view's SQL is invalid or the view depends on itself
   */
  @Override
  public synchronized RelDataType apply(RelDataTypeFactory typeFactory) {
    if (rowType == null) {
      if (validating) throw new IllegalStateException("view " + view.name() + " depends on itself");
      validating = true;
      try {
        rowType = validate();
      } finally {
        validating = false;
      }
    }
    return typeFactory.copyType(rowType);
  }

  private RelDataType validate() {
    FrameworkConfig config = Frameworks.newConfigBuilder()
        .defaultSchema(schema)
        .parserConfig(GoTraceLex.PARSER_CONFIG)
        .typeSystem(GoTraceTypeSystem.INSTANCE)
        .build();
    Planner planner = Frameworks.getPlanner(config);
    try {
      SqlNode parsed = planner.parse(view.sql());
      return planner.validateAndGetType(parsed).right;
    } catch (Exception e) {
      throw new IllegalStateException("view " + view.name() + " is invalid: " + e.getMessage(), e);
    } finally {
      planner.close();
    }
  }
}
