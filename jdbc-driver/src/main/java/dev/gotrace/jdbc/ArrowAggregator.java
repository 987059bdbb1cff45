package dev.gotrace.jdbc;

import dev.gotrace.core.util.LongObjectMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Runs a {@link ScanAggregation} over an {@link ArrowTable}'s batches in tight loops over the
 * vectors: the pushed predicates narrow chunks of rows as the scan does, then each kept row's key
 * is read as longs and its group's accumulators are updated; nothing is boxed per row.
 */
final class ArrowAggregator {
  private final ScanAggregation aggregation;
  private final ArrowColumn[] keys;
  private final List<RowPredicate> predicates;
  private final AtomicBoolean cancelFlag;
  /** The only group when there is no key. */
  private final long[] single;
  /** Groups of a single key: by value, and the NULL group. */
  private final LongObjectMap<long[]> byValue = new LongObjectMap<>();
  private long[] nullGroup;
  /** Groups of several keys, and the key of the row being grouped (copied only for a new group). */
  private final Map<GroupKey, long[]> byKey = new HashMap<>();
  private GroupKey probe;
  private final int[] selection = new int[ArrowEnumerator.CHUNK];
  private final FieldVector[] vectors;
  private final boolean[] hasNulls;
  /** The columns read: keys, arguments and filtered columns; no other vector is fetched. */
  private final int[] readColumns;

  ArrowAggregator(ScanAggregation aggregation, List<ArrowColumn> columns, List<RowPredicate> predicates,
      AtomicBoolean cancelFlag) {
    this.aggregation = aggregation;
    this.keys = Arrays.stream(aggregation.groupColumns()).mapToObj(columns::get).toArray(ArrowColumn[]::new);
    this.predicates = predicates;
    this.cancelFlag = cancelFlag;
    this.single = keys.length == 0 ? newAccumulators() : null;
    this.vectors = new FieldVector[columns.size()];
    this.hasNulls = new boolean[columns.size()];
    TreeSet<Integer> read = new TreeSet<>();
    for (int c : aggregation.groupColumns()) read.add(c);
    for (ScanAggregation.Call call : aggregation.calls()) if (call.column() >= 0) read.add(call.column());
    for (RowPredicate p : predicates) read.add(p.column());
    this.readColumns = read.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The result rows: the group keys then the aggregate values, boxed as Calcite expects them. */
  List<Object[]> run(List<VectorSchemaRoot> batches) {
    for (VectorSchemaRoot batch : batches) {
      if (cancelFlag != null && cancelFlag.get()) throw new CancellationException("statement cancelled");
      int rows = batch.getRowCount();
      for (int c : readColumns) {
        vectors[c] = batch.getVector(c);
        hasNulls[c] = vectors[c].getNullCount() > 0;
      }
      for (int start = 0; start < rows; start += selection.length) {
        int count = Math.min(selection.length, rows - start);
        for (int k = 0; k < count; k++) selection[k] = start + k;
        for (int p = 0; p < predicates.size() && count > 0; p++) {
          RowPredicate predicate = predicates.get(p);
          count = predicate.retain(vectors[predicate.column()], hasNulls[predicate.column()], selection, count);
        }
        for (int k = 0; k < count; k++) accumulate(group(selection[k]), selection[k]);
      }
    }
    Arrays.fill(vectors, null);
    return rows();
  }

  private long[] group(int row) {
    if (keys.length == 0) return single;
    if (keys.length == 1) {
      ArrowColumn key = keys[0];
      if (isNull(key.index(), row)) {
        if (nullGroup == null) nullGroup = newAccumulators();
        return nullGroup;
      }
      return byValue.computeIfAbsent(value(key, row), k -> newAccumulators());
    }
    if (probe == null) probe = new GroupKey(new long[keys.length]);
    probe.nulls = 0;
    for (int i = 0; i < keys.length; i++) {
      boolean isNull = isNull(keys[i].index(), row);
      if (isNull) probe.nulls |= 1 << i;
      probe.values[i] = isNull ? 0 : value(keys[i], row);
    }
    long[] acc = byKey.get(probe);
    if (acc == null) {
      acc = newAccumulators();
      GroupKey key = new GroupKey(probe.values.clone());
      key.nulls = probe.nulls;
      byKey.put(key, acc);
    }
    return acc;
  }

  /** Per call: {value, non-null count}. */
  private long[] newAccumulators() {
    long[] acc = new long[2 * aggregation.calls().size()];
    for (int i = 0; i < aggregation.calls().size(); i++) {
      ScanAggregation.Function f = aggregation.calls().get(i).function();
      if (f == ScanAggregation.Function.MIN) acc[2 * i] = Long.MAX_VALUE;
      if (f == ScanAggregation.Function.MAX) acc[2 * i] = Long.MIN_VALUE;
    }
    return acc;
  }

  private void accumulate(long[] acc, int row) {
    List<ScanAggregation.Call> calls = aggregation.calls();
    for (int i = 0; i < calls.size(); i++) {
      ScanAggregation.Call call = calls.get(i);
      if (call.function() == ScanAggregation.Function.COUNT_ROWS) {
        acc[2 * i + 1]++;
        continue;
      }
      if (isNull(call.column(), row)) continue;
      acc[2 * i + 1]++;
      if (call.function() == ScanAggregation.Function.COUNT) continue;
      long v = integer(call.column(), row);
      switch (call.function()) {
        case SUM, SUM0 -> acc[2 * i] += v;
        case MIN -> acc[2 * i] = Math.min(acc[2 * i], v);
        case MAX -> acc[2 * i] = Math.max(acc[2 * i], v);
        default -> throw new IllegalStateException(call.function().toString());
      }
    }
  }

  private boolean isNull(int column, int row) {
    return hasNulls[column] && vectors[column].isNull(row);
  }

  /** A key column's value as a long: integers as they are, dictionary ids, booleans as 0/1. */
  private long value(ArrowColumn column, int row) {
    return switch (column.type()) {
      case BIGINT, INTEGER, DICTIONARY_STRING -> integer(column.index(), row);
      case BOOLEAN -> BitVectorHelper.get(vectors[column.index()].getDataBuffer(), row);
      default -> throw new IllegalStateException("not a key type: " + column.type());
    };
  }

  private long integer(int column, int row) {
    FieldVector v = vectors[column];
    ArrowBuf data = v.getDataBuffer();
    return v instanceof BigIntVector ? BigIntVector.get(data, row) : IntVector.get(data, row);
  }

  private List<Object[]> rows() {
    List<Object[]> out = new ArrayList<>();
    if (keys.length == 0) {
      out.add(row(new Object[0], single));
    } else if (keys.length == 1) {
      for (long k : byValue.keys()) out.add(row(new Object[] {boxKey(keys[0], k)}, byValue.get(k)));
      if (nullGroup != null) out.add(row(new Object[] {null}, nullGroup));
    } else {
      byKey.forEach((key, acc) -> {
        Object[] values = new Object[keys.length];
        for (int i = 0; i < keys.length; i++) {
          values[i] = (key.nulls & 1 << i) != 0 ? null : boxKey(keys[i], key.values[i]);
        }
        out.add(row(values, acc));
      });
    }
    return out;
  }

  private Object[] row(Object[] keyValues, long[] acc) {
    List<ScanAggregation.Call> calls = aggregation.calls();
    Object[] row = Arrays.copyOf(keyValues, keyValues.length + calls.size());
    for (int i = 0; i < calls.size(); i++) {
      ScanAggregation.Call call = calls.get(i);
      long value = acc[2 * i];
      long seen = acc[2 * i + 1];
      row[keyValues.length + i] = switch (call.function()) {
        case COUNT_ROWS, COUNT -> box(seen, call.resultType());
        case SUM0 -> box(value, call.resultType());
        case SUM, MIN, MAX -> seen == 0 ? null : box(value, call.resultType());
      };
    }
    return row;
  }

  private static Object box(long value, SqlTypeName type) {
    return type == SqlTypeName.INTEGER ? (Object) (int) value : (Object) value;
  }

  private static Object boxKey(ArrowColumn column, long value) {
    return switch (column.type()) {
      case BIGINT -> value;
      case INTEGER -> (int) value;
      case DICTIONARY_STRING -> column.dictionary()[(int) value];
      case BOOLEAN -> value != 0;
      default -> throw new IllegalStateException("not a key type: " + column.type());
    };
  }

  /** The values of several keys (0 where NULL), and which of them are NULL (bit i: key i). */
  private static final class GroupKey {
    final long[] values;
    int nulls;

    GroupKey(long[] values) { this.values = values; }

    @Override public boolean equals(Object o) {
      return o instanceof GroupKey k && k.nulls == nulls && Arrays.equals(k.values, values);
    }

    @Override public int hashCode() { return Arrays.hashCode(values) * 31 + nulls; }
  }
}
