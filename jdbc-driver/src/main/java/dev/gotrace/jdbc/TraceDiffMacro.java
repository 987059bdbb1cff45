package dev.gotrace.jdbc;

import java.util.List;
import java.util.Optional;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.TableMacro;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.NlsString;

/**
 * {@code TABLE(trace_diff(before_trace_id, after_trace_id))} in a catalogue: the query of
 * queries/catalogue/trace_diff.sql with its two parameters ({@value #BEFORE}, {@value #AFTER})
 * replaced by the trace ids as SQL literals, expanded as a view. The ids must be literals, so the
 * query names the two traces and the plan leaves every other trace out.
 */
final class TraceDiffMacro implements TableMacro {
  static final String NAME = "trace_diff";
  /** The parameter of the SQL text standing for the before trace's id. */
  static final String BEFORE = ":before_trace_id";
  /** The parameter of the SQL text standing for the after trace's id. */
  static final String AFTER = ":after_trace_id";

  private final SchemaPlus schema;
  private final ViewDefinition template;
  private final List<String> traceIds;

  /** The macro of the catalogue {@code schema}, whose traces are {@code traceIds}, over {@code template}. */
  TraceDiffMacro(SchemaPlus schema, ViewDefinition template, List<String> traceIds) {
    this.schema = schema;
    this.template = template;
    this.traceIds = traceIds;
  }

  @Override
  public List<FunctionParameter> getParameters() {
    return List.of(parameter(0, "before_trace_id"), parameter(1, "after_trace_id"));
  }

  /**
   * @throws IllegalArgumentException if an argument is not the trace_id of one of the catalogue's traces
   */
  @Override
  public TranslatableTable apply(List<?> arguments) {
    String before = traceId(arguments.get(0));
    String after = traceId(arguments.get(1));
    String sql = template.sql().replace(BEFORE, CatalogueSchema.literal(before))
        .replace(AFTER, CatalogueSchema.literal(after));
    return new DiffTable(schema, new ViewDefinition(NAME, sql, template.doc(), template.columns()));
  }

  private String traceId(Object argument) {
    String id = argument instanceof NlsString s ? s.getValue() : argument == null ? null : argument.toString();
    if (id == null || !traceIds.contains(id)) {
      throw new IllegalArgumentException("trace_diff: no trace with trace_id " + (id == null ? "NULL" : "'" + id + "'")
          + " in this catalogue; SELECT trace_id FROM traces lists them");
    }
    return id;
  }

  /**
   * The diff of two traces: a view, except that its ORDER BY on expressions it does not select
   * (|delta_ns|) is kept without them; Calcite's ViewTable would keep them as extra columns.
   */
  private static final class DiffTable extends AbstractTable implements TranslatableTable, DocumentedTable {
    private final ViewDefinition view;
    private final ViewRowType rowType;
    private final List<String> schemaPath;

    DiffTable(SchemaPlus schema, ViewDefinition view) {
      this.view = view;
      this.rowType = new ViewRowType(schema, view);
      this.schemaPath = CalciteSchema.from(schema).path(null);
    }

    @Override public RelDataType getRowType(RelDataTypeFactory types) { return rowType.apply(types); }

    @Override public Schema.TableType getJdbcTableType() { return Schema.TableType.VIEW; }

    @Override public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable table) {
      RelRoot root = context.expandView(table.getRowType(), view.sql(), schemaPath, null);
      return RelOptUtil.createCastRel(root.project(), table.getRowType(), true);
    }

    @Override public String doc() { return view.doc(); }

    @Override public Optional<String> columnDoc(String column) {
      return Optional.ofNullable(view.columns().get(column)).map(ViewDefinition.ColumnDoc::meaning);
    }
  }

  private static FunctionParameter parameter(int ordinal, String name) {
    return new FunctionParameter() {
      @Override public int getOrdinal() { return ordinal; }
      @Override public String getName() { return name; }
      // A Java type: Calcite hands a macro the literals of parameters typed so, converted to Strings.
      @Override public RelDataType getType(RelDataTypeFactory types) {
        return types instanceof JavaTypeFactory java ? java.createJavaType(String.class) : types.createSqlType(SqlTypeName.VARCHAR);
      }
      @Override public boolean isOptional() { return false; }
    };
  }
}
