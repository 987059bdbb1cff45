package dev.gotrace.jdbc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
import org.apache.calcite.linq4j.Linq4j;
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
  /** The columns without their dictionaries, which are known once the rows are built. */
  private final List<ArrowColumn> declared;
  private volatile Resolved resolved;

  /**
   * @throws IllegalArgumentException if a column has a layout the adapter cannot read
   */
  ArrowTable(SharedCatalog catalog, ArrowTableSource source) {
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
      String doc = field.getMetadata() == null ? null : field.getMetadata().get(ArrowTableSource.DOC_KEY);
      list.add(new ArrowColumn(i, field.getName(), type, field.isNullable(), doc == null ? "" : doc, new String[0]));
    }
    this.declared = List.copyOf(list);
  }

  /** The columns with their decoded dictionaries and the filter compiler over them; builds the rows. */
  private record Resolved(List<ArrowColumn> columns, FilterCompiler filters) {}

  private Resolved resolved() {
    Resolved r = resolved;
    if (r != null) return r;
    synchronized (this) {
      if (resolved == null) {
        Map<Long, String[]> dictionaries = new HashMap<>();
        List<ArrowColumn> list = new ArrayList<>();
        // A table without rows (a damaged trace's in a catalogue) may have no dictionaries either.
        boolean rows = !source.batches().isEmpty();
        for (ArrowColumn c : declared) {
          if (c.type() != ColumnType.DICTIONARY_STRING) {
            list.add(c);
            continue;
          }
          long id = source.schema().getFields().get(c.index()).getDictionary().getId();
          String[] dictionary = !rows ? new String[0] : dictionaries.computeIfAbsent(id,
              key -> DictionaryDecoder.decode(source.name(), c.name(), source.dictionaries(), key));
          list.add(new ArrowColumn(c.index(), c.name(), c.type(), c.nullable(), c.doc(), dictionary));
        }
        List<ArrowColumn> columns = List.copyOf(list);
        resolved = new Resolved(columns, new FilterCompiler(columns));
      }
      return resolved;
    }
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
    return declared.stream().filter(c -> c.name().equals(column)).map(ArrowColumn::doc).findFirst();
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder row = typeFactory.builder();
    for (ArrowColumn c : declared) {
      row.add(c.name(), typeFactory.createTypeWithNullability(typeFactory.createSqlType(c.type().sqlType()), c.nullable()));
    }
    return row.build();
  }

  @Override
  public Statistic getStatistic() {
    return Statistics.of(source.estimatedRowCount(), List.of());
  }

  /**
   * Requests the table's rows and returns their scan; the rows are built when the first
   * enumerator opens, after every scan of the statement has requested its table.
   */
  @Override
  public Enumerable<Object[]> scan(DataContext root, List<RexNode> filters, int[] projects) {
    source.request();
    int[] projection = projects == null ? allColumns() : projects;
    AtomicBoolean cancelFlag = DataContext.Variable.CANCEL_FLAG.get(root);
    List<RexNode> pushed = List.copyOf(filters);
    // Calcite evaluates again whatever is left in the list, so the filters decided here leave it now.
    removeDecided(filters);
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        return catalog.leased(() -> open(new ArrayList<>(pushed), projection, cancelFlag));
      }
    };
  }

  private ArrowEnumerator open(List<RexNode> filters, int[] projection, AtomicBoolean cancelFlag) {
    Resolved r = resolved();
    List<RowPredicate> predicates = r.filters().compile(filters);
    ArrowColumn[] projected = Arrays.stream(projection).mapToObj(r.columns()::get).toArray(ArrowColumn[]::new);
    TreeSet<Integer> read = new TreeSet<>();
    for (int p : projection) read.add(p);
    for (RowPredicate predicate : predicates) read.add(predicate.column());
    int[] readColumns = read.stream().mapToInt(Integer::intValue).toArray();
    return new ArrowEnumerator(catalog, source.batches(), declared.size(), projected, predicates, readColumns,
        cancelFlag);
  }

  /** The declared column at {@code index} (its dictionary not decoded). */
  ArrowColumn column(int index) {
    return declared.get(index);
  }

  /** Whether the scan decides every one of {@code filters} itself (see {@link FilterCompiler}); plans, builds nothing. */
  boolean decidesAll(List<RexNode> filters) {
    List<RexNode> left = new ArrayList<>(filters);
    removeDecided(left);
    return left.isEmpty();
  }

  /**
   * Removes from {@code filters} those the scan decides itself, before any rows exist: which ones
   * does not depend on the dictionaries, only on the declared columns.
   */
  private void removeDecided(List<RexNode> filters) {
    new FilterCompiler(declared).compile(filters);
  }

  /**
   * Requests the table's rows and returns the rows of {@code aggregation}, computed over the
   * batches when first enumerated.
   */
  Enumerable<Object[]> aggregate(DataContext root, ScanAggregation aggregation) {
    source.request();
    AtomicBoolean cancelFlag = DataContext.Variable.CANCEL_FLAG.get(root);
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        List<Object[]> rows = catalog.leased(() -> {
          Resolved r = resolved();
          List<RowPredicate> predicates = r.filters().compile(new ArrayList<>(aggregation.filters()));
          return new ArrowAggregator(aggregation, r.columns(), predicates, cancelFlag).run(source.batches());
        });
        return Linq4j.enumerator(rows);
      }
    };
  }

  private int[] allColumns() {
    int[] all = new int[declared.size()];
    for (int i = 0; i < all.length; i++) all[i] = i;
    return all;
  }
}
