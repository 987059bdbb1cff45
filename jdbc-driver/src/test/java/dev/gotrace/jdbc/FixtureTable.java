package dev.gotrace.jdbc;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A hand-built table in core's layout (dictionary-encoded strings, nullable columns, batches),
 * instrumented: it records which column vectors a scan fetched and how many batches it entered.
 */
final class FixtureTable implements ArrowTableSource {
  /** Column layouts, as core writes them. */
  enum Kind { BIGINT, INT, BOOL, DOUBLE, STRING }

  /** A column of the fixture. */
  record Column(String name, Kind kind, boolean nullable, String doc) {}

  private final String name;
  private final String doc;
  private final Schema schema;
  private final List<Column> columns;
  private final List<Object[]> rows;
  private final List<VectorSchemaRoot> batches = new ArrayList<>();
  private final DictionaryProvider dictionaries;
  private final Set<String> vectorsRead = ConcurrentHashMap.newKeySet();
  private final AtomicInteger batchesEntered = new AtomicInteger();
  private volatile IntConsumer onBatchEntered = index -> { };

  FixtureTable(String name, String doc, List<Column> columns, List<Object[]> rows, int[] batchSizes,
      BufferAllocator allocator, FixtureDictionary dictionary) {
    this.name = name;
    this.doc = doc;
    this.columns = List.copyOf(columns);
    this.rows = List.copyOf(rows);
    this.dictionaries = dictionary.provider();
    List<Field> fields = new ArrayList<>();
    for (Column c : columns) fields.add(field(c));
    this.schema = new Schema(fields);
    int start = 0;
    for (int size : batchSizes) {
      batches.add(batch(allocator, dictionary, start, size));
      start += size;
    }
    if (start != rows.size()) throw new IllegalArgumentException("batch sizes add up to " + start + ", not " + rows.size());
  }

  private static Field field(Column c) {
    Map<String, String> meta = Map.of(DOC_KEY, c.doc());
    switch (c.kind()) {
      case BIGINT: return new Field(c.name(), new FieldType(c.nullable(), new ArrowType.Int(64, true), null, meta), null);
      case INT: return new Field(c.name(), new FieldType(c.nullable(), new ArrowType.Int(32, true), null, meta), null);
      case BOOL: return new Field(c.name(), new FieldType(c.nullable(), ArrowType.Bool.INSTANCE, null, meta), null);
      case DOUBLE: return new Field(c.name(), new FieldType(c.nullable(),
          new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), null, meta), null);
      case STRING: {
        ArrowType.Int index = new ArrowType.Int(32, true);
        return new Field(c.name(), new FieldType(c.nullable(), index,
            new DictionaryEncoding(FixtureDictionary.ID, false, index), meta), null);
      }
      default: throw new IllegalArgumentException(c.kind().name());
    }
  }

  private VectorSchemaRoot batch(BufferAllocator allocator, FixtureDictionary dictionary, int start, int size) {
    List<FieldVector> vectors = new ArrayList<>();
    for (int col = 0; col < columns.size(); col++) {
      FieldVector v = schema.getFields().get(col).createVector(allocator);
      v.setInitialCapacity(size);
      v.allocateNew();
      for (int k = 0; k < size; k++) {
        Object value = rows.get(start + k)[col];
        if (value == null) {
          if (!columns.get(col).nullable()) throw new IllegalArgumentException("null in " + columns.get(col).name());
          continue; // allocateNew leaves validity bits cleared: null
        }
        switch (columns.get(col).kind()) {
          case BIGINT: ((BigIntVector) v).set(k, (Long) value); break;
          case INT: ((IntVector) v).set(k, (Integer) value); break;
          case BOOL: ((BitVector) v).set(k, (Boolean) value ? 1 : 0); break;
          case DOUBLE: ((Float8Vector) v).set(k, (Double) value); break;
          case STRING: ((IntVector) v).set(k, dictionary.id((String) value)); break;
          default: throw new IllegalArgumentException();
        }
      }
      v.setValueCount(size);
      vectors.add(v);
    }
    return new RecordingRoot(schema.getFields(), vectors, size);
  }

  /** A batch that records which vectors are fetched from it. */
  private final class RecordingRoot extends VectorSchemaRoot {
    RecordingRoot(List<Field> fields, List<FieldVector> vectors, int rowCount) {
      super(fields, vectors, rowCount);
    }

    @Override
    public FieldVector getVector(int index) {
      vectorsRead.add(columns.get(index).name());
      return super.getVector(index);
    }

    @Override
    public FieldVector getVector(String name) {
      vectorsRead.add(name);
      return super.getVector(name);
    }

    @Override
    public List<FieldVector> getFieldVectors() {
      for (Column c : columns) vectorsRead.add(c.name());
      return super.getFieldVectors();
    }
  }

  @Override public String name() { return name; }
  @Override public String doc() { return doc; }
  @Override public Schema schema() { return schema; }
  @Override public long rowCount() { return rows.size(); }
  @Override public DictionaryProvider dictionaries() { return dictionaries; }

  /** The batches; each {@code get} counts as entering a batch. */
  @Override
  public List<VectorSchemaRoot> batches() {
    return new AbstractList<>() {
      @Override
      public VectorSchemaRoot get(int index) {
        batchesEntered.incrementAndGet();
        onBatchEntered.accept(index);
        return batches.get(index);
      }

      @Override
      public int size() {
        return batches.size();
      }
    };
  }

  int batchCount() {
    return batches.size();
  }

  List<Column> columns() {
    return columns;
  }

  /** The rows the batches hold, as Java values (strings decoded). */
  List<Object[]> rows() {
    return rows;
  }

  /** Names of the columns whose vectors were fetched since the last {@link #resetCounters()}. */
  Set<String> vectorsRead() {
    return Set.copyOf(vectorsRead);
  }

  int batchesEntered() {
    return batchesEntered.get();
  }

  /** Runs {@code hook} with the batch index whenever a scan enters a batch. */
  void onBatchEntered(IntConsumer hook) {
    onBatchEntered = hook;
  }

  void resetCounters() {
    vectorsRead.clear();
    batchesEntered.set(0);
  }

  void close() {
    batches.forEach(VectorSchemaRoot::close);
  }
}
