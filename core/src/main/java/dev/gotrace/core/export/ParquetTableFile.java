package dev.gotrace.core.export;

import dev.gotrace.core.table.TraceDictionary;
import dev.gotrace.core.table.TraceTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * One table of one trace as a Parquet file: BIGINT as INT64, INT as INT32, BOOLEAN, and strings
 * (the dictionary-encoded columns too) as UTF-8 BINARY, which Parquet dictionary-encodes per row
 * group; one row group per Arrow batch at most, ZSTD pages. Written row by row from the batches,
 * so the heap holds one row group's pages.
 */
final class ParquetTableFile {
  /** Big enough for the dictionary of a busy trace's function names, so they stay dictionary-encoded. */
  private static final int DICTIONARY_PAGE_BYTES = 8 << 20;
  private static final long ROW_GROUP_BYTES = 64L << 20;

  private ParquetTableFile() {}

  /** Writes {@code table} to the new file {@code file}, with the table's name and doc in the file's metadata. */
  static void write(TraceTable table, Path file) throws IOException {
    MessageType schema = schema(table);
    Cursor cursor = new Cursor();
    Map<String, String> metadata = Map.of("gotrace.table", table.name(), "gotrace.doc", table.doc());
    try (ParquetWriter<Cursor> writer = new Builder(file, schema, metadata)
        .withConf(new PlainParquetConfiguration())
        .withWriteMode(ParquetFileWriter.Mode.CREATE)
        .withCodecFactory(new ZstdCodecFactory())
        .withCompressionCodec(CompressionCodecName.ZSTD)
        .withDictionaryEncoding(true)
        .withDictionaryPageSize(DICTIONARY_PAGE_BYTES)
        .withRowGroupSize(ROW_GROUP_BYTES)
        .build()) {
      Binary[] strings = new Binary[0];
      VarCharVector dictionary = null;
      if (table.dictionaries().getDictionaryIds().contains(TraceDictionary.ID)) {
        dictionary = (VarCharVector) table.dictionaries().lookup(TraceDictionary.ID).getVector();
        strings = new Binary[dictionary.getValueCount()];
      }
      for (VectorSchemaRoot batch : table.batches()) {
        cursor.columns = columns(batch, schema, dictionary, strings);
        for (int row = 0; row < batch.getRowCount(); row++) {
          cursor.row = row;
          writer.write(cursor);
        }
      }
    }
  }

  static MessageType schema(TraceTable table) {
    Types.MessageTypeBuilder message = Types.buildMessage();
    for (Field f : table.schema().getFields()) {
      Type.Repetition repetition = f.isNullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
      ArrowType type = f.getDictionary() != null ? ArrowType.Utf8.INSTANCE : f.getType();
      if (type instanceof ArrowType.Int i && i.getBitWidth() == 64) {
        message.primitive(PrimitiveTypeName.INT64, repetition).named(f.getName());
      } else if (type instanceof ArrowType.Int i && i.getBitWidth() == 32) {
        message.primitive(PrimitiveTypeName.INT32, repetition).named(f.getName());
      } else if (type instanceof ArrowType.Bool) {
        message.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(f.getName());
      } else if (type instanceof ArrowType.Utf8) {
        message.primitive(PrimitiveTypeName.BINARY, repetition).as(LogicalTypeAnnotation.stringType()).named(f.getName());
      } else {
        throw new IllegalArgumentException(table.name() + "." + f.getName() + ": no Parquet type for Arrow " + type);
      }
    }
    return message.named(table.name());
  }

  /** One value of a column at a row: adds it to the record, or nothing for NULL. */
  private interface Column {
    void add(RecordConsumer out, int row);
  }

  private static Column[] columns(VectorSchemaRoot batch, MessageType schema, VarCharVector dictionary, Binary[] strings) {
    List<Column> columns = new ArrayList<>();
    List<FieldVector> vectors = batch.getFieldVectors();
    for (int c = 0; c < vectors.size(); c++) {
      columns.add(column(vectors.get(c), schema.getFieldName(c), c, dictionary, strings));
    }
    return columns.toArray(Column[]::new);
  }

  private static Column column(FieldVector vector, String name, int index, VarCharVector dictionary, Binary[] strings) {
    if (vector.getField().getDictionary() != null) {
      IntVector ids = (IntVector) vector;
      return (out, row) -> {
        if (ids.isNull(row)) return;
        int id = ids.get(row);
        Binary s = strings[id];
        if (s == null) s = strings[id] = Binary.fromConstantByteArray(dictionary.get(id));
        field(out, name, index).addBinary(s);
        out.endField(name, index);
      };
    }
    if (vector instanceof BigIntVector v) {
      return (out, row) -> {
        if (v.isNull(row)) return;
        field(out, name, index).addLong(v.get(row));
        out.endField(name, index);
      };
    }
    if (vector instanceof IntVector v) {
      return (out, row) -> {
        if (v.isNull(row)) return;
        field(out, name, index).addInteger(v.get(row));
        out.endField(name, index);
      };
    }
    if (vector instanceof BitVector v) {
      return (out, row) -> {
        if (v.isNull(row)) return;
        field(out, name, index).addBoolean(v.get(row) != 0);
        out.endField(name, index);
      };
    }
    if (vector instanceof VarCharVector v) {
      return (out, row) -> {
        if (v.isNull(row)) return;
        field(out, name, index).addBinary(Binary.fromConstantByteArray(v.get(row)));
        out.endField(name, index);
      };
    }
    throw new IllegalArgumentException(name + ": no Parquet writer for " + vector.getClass().getSimpleName());
  }

  private static RecordConsumer field(RecordConsumer out, String name, int index) {
    out.startField(name, index);
    return out;
  }

  /** The row being written: a batch's columns and an index into them. */
  private static final class Cursor {
    Column[] columns;
    int row;
  }

  private static final class RowWriteSupport extends WriteSupport<Cursor> {
    private final MessageType schema;
    private final Map<String, String> metadata;
    private RecordConsumer out;

    RowWriteSupport(MessageType schema, Map<String, String> metadata) {
      this.schema = schema;
      this.metadata = metadata;
    }

    @Override public WriteContext init(ParquetConfiguration configuration) {
      return new WriteContext(schema, metadata);
    }

    @Override public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
      return new WriteContext(schema, metadata);
    }

    @Override public void prepareForWrite(RecordConsumer recordConsumer) {
      out = recordConsumer;
    }

    @Override public void write(Cursor cursor) {
      out.startMessage();
      for (Column c : cursor.columns) c.add(out, cursor.row);
      out.endMessage();
    }
  }

  /** parquet-java's writer over a local file, configured without Hadoop. */
  private static final class Builder extends ParquetWriter.Builder<Cursor, Builder> {
    private final MessageType schema;
    private final Map<String, String> metadata;

    Builder(Path file, MessageType schema, Map<String, String> metadata) {
      super(new LocalOutputFile(file));
      this.schema = schema;
      this.metadata = metadata;
    }

    @Override protected Builder self() { return this; }

    @Override protected WriteSupport<Cursor> getWriteSupport(ParquetConfiguration configuration) {
      return new RowWriteSupport(schema, metadata);
    }

    @Override protected WriteSupport<Cursor> getWriteSupport(org.apache.hadoop.conf.Configuration configuration) {
      return new RowWriteSupport(schema, metadata);
    }
  }
}
