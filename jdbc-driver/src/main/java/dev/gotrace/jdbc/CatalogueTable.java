package dev.gotrace.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.tools.RelBuilder;

/**
 * A table or view of a catalogue: the same-named table or view of every trace, each row prefixed
 * with its trace's id, as one n-ary {@code UNION ALL} ({@code SELECT '<trace_id>' AS trace_id, t.*
 * FROM "<trace_id>".<name> t} per trace). Built as a plan rather than as SQL text: text would be
 * nested binary unions, whose merging costs the planner quadratic time in the traces. Each input is
 * the trace's own table or view, so a view stays exactly its single-trace self within a trace, and
 * a condition on trace_id, constant in each input, prunes the inputs of the other traces.
 */
final class CatalogueTable extends AbstractTable implements TranslatableTable, DocumentedTable {
  private final String name;
  private final String doc;
  private final Map<String, String> columnDocs;
  private final boolean view;
  private final List<String> traceIds;
  /** The first trace's table or view: all have its row type. */
  private final Table first;

  /**
   * @param columnDocs the documentation of each column, trace_id's first
   * @param view whether the traces' objects are views (else tables), for JDBC metadata
   */
  CatalogueTable(String name, String doc, Map<String, String> columnDocs, boolean view, List<String> traceIds, Table first) {
    this.name = name;
    this.doc = doc;
    this.columnDocs = columnDocs;
    this.view = view;
    this.traceIds = traceIds;
    this.first = first;
  }

  @Override
  public String doc() {
    return doc;
  }

  @Override
  public Optional<String> columnDoc(String column) {
    return Optional.ofNullable(columnDocs.get(column));
  }

  @Override
  public Schema.TableType getJdbcTableType() {
    return view ? Schema.TableType.VIEW : Schema.TableType.TABLE;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory types) {
    return types.builder()
        .add(CatalogueSchema.TRACE_ID, traceIdType(types))
        .addAll(first.getRowType(types).getFieldList())
        .build();
  }

  private static RelDataType traceIdType(RelDataTypeFactory types) {
    return types.createTypeWithNullability(types.createSqlType(SqlTypeName.VARCHAR), false);
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable table) {
    List<String> schemaPath = table.getQualifiedName().subList(0, table.getQualifiedName().size() - 1);
    RelBuilder b = RelFactories.LOGICAL_BUILDER.create(context.getCluster(), table.getRelOptSchema());
    RelDataType idType = traceIdType(context.getCluster().getTypeFactory());
    for (String traceId : traceIds) {
      List<String> path = new ArrayList<>(schemaPath);
      path.add(traceId);
      path.add(name);
      RelOptTable input = table.getRelOptSchema().getTableForMember(path);
      if (input == null) throw new IllegalStateException("catalogue table " + String.join(".", path) + " is missing");
      b.push(input.toRel(context));
      List<RexNode> fields = new ArrayList<>();
      fields.add(b.getRexBuilder().makeLiteral(traceId, idType, false));
      fields.addAll(b.fields());
      List<String> names = new ArrayList<>();
      names.add(CatalogueSchema.TRACE_ID);
      names.addAll(b.peek().getRowType().getFieldNames());
      b.project(fields, names, true);
    }
    b.union(true, traceIds.size());
    return RelOptUtil.createCastRel(b.build(), table.getRowType(), true);
  }
}
