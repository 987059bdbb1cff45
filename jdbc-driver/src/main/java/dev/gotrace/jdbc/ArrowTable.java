package dev.gotrace.jdbc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ProjectableFilterableTable;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A trace table as a Calcite table over Arrow batches. Calcite pushes projections and filters
 * into {@link #scan}: only the projected and filtered vectors are read, and the filters {@link
 * FilterCompiler} decides exactly are evaluated here, batch by batch, instead of row by row in
 * Calcite.
 */
public final class ArrowTable extends AbstractTable implements ProjectableFilterableTable, DocumentedTable {
  private final SharedCatalog catalog;
  private final ArrowTableSource source;
  private final List<ArrowColumn> columns;
  private final FilterCompiler filterCompiler;

  /**
   * @param dictionaries decoded dictionaries by Arrow dictionary id, shared by the tables of one
   *     catalogue; this table adds the ones it is the first to use
   * @throws IllegalArgumentException if a column has a layout the adapter cannot read
   */
  ArrowTable(SharedCatalog catalog, ArrowTableSource source, Map<Long, String[]> dictionaries) {
    this.catalog = catalog;
    this.source = source;
    List<ArrowColumn> list = new ArrayList<>();
    List<Field> fields = source.schema().getFields();
    for (int i = 0; i < fields.size(); i++) {
      Field field = fields.get(i);
      ColumnType type;
      try {
        type = ColumnType.of(field);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("table " + source.name() + ": " + e.getMessage(), e);
      }
      String[] dictionary = type == ColumnType.DICTIONARY_STRING
          ? dictionaries.computeIfAbsent(field.getDictionary().getId(),
              id -> DictionaryDecoder.decode(source.name(), field.getName(), source.dictionaries(), id))
          : new String[0];
      String doc = field.getMetadata() == null ? null : field.getMetadata().get(ArrowTableSource.DOC_KEY);
      list.add(new ArrowColumn(i, field.getName(), type, field.isNullable(), doc == null ? "" : doc, dictionary));
    }
    this.columns = List.copyOf(list);
    this.filterCompiler = new FilterCompiler(columns);
  }

  /** SQL name of the table. */
  public String name() {
    return source.name();
  }

  /** Number of rows. */
  public long rowCount() {
    return source.rowCount();
  }

  @Override
  public String doc() {
    return source.doc();
  }

  @Override
  public Optional<String> columnDoc(String column) {
    return columns.stream().filter(c -> c.name().equals(column)).map(ArrowColumn::doc).findFirst();
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder row = typeFactory.builder();
    for (ArrowColumn c : columns) {
      row.add(c.name(), typeFactory.createTypeWithNullability(typeFactory.createSqlType(c.type().sqlType()), c.nullable()));
    }
    return row.build();
  }

  @Override
  public Statistic getStatistic() {
    return Statistics.of(source.rowCount(), List.of());
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root, List<RexNode> filters, int[] projects) {
    List<RowPredicate> predicates = filterCompiler.compile(filters);
    int[] projection = projects == null ? allColumns() : projects;
    ArrowColumn[] projected = Arrays.stream(projection).mapToObj(columns::get).toArray(ArrowColumn[]::new);
    TreeSet<Integer> read = new TreeSet<>();
    for (int p : projection) read.add(p);
    for (RowPredicate predicate : predicates) read.add(predicate.column());
    int[] readColumns = read.stream().mapToInt(Integer::intValue).toArray();
    AtomicBoolean cancelFlag = DataContext.Variable.CANCEL_FLAG.get(root);
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        return new ArrowEnumerator(catalog, source.batches(), columns.size(), projected, predicates,
            readColumns, cancelFlag);
      }
    };
  }

  private int[] allColumns() {
    int[] all = new int[columns.size()];
    for (int i = 0; i < all.length; i++) all[i] = i;
    return all;
  }
}
