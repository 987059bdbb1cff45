package dev.gotrace.core.table;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flatbuf.Footer;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.ForeignAllocation;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider.MapDictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.ipc.message.ArrowDictionaryBatch;
import org.apache.arrow.vector.ipc.message.ArrowFooter;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.MessageMetadataResult;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.DictionaryUtility;

/**
 * One {@link TraceTable} as an Arrow IPC file (its batches and the dictionary its string columns
 * index), written with Arrow's file writer and read back memory-mapped: the vectors point into
 * the mapped file (through {@link BufferAllocator#wrapForeignAllocation}), so loading costs the
 * metadata only and the pages come from the OS page cache as they are read.
 */
final class ArrowTableFile {
  private static final byte[] MAGIC = "ARROW1".getBytes(StandardCharsets.US_ASCII);

  private ArrowTableFile() {}

  /** Writes {@code table} to {@code file} (replacing it). */
  static void write(TraceTable table, Path file) throws IOException {
    try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE);
        BufferAllocator scratch = table.allocator().newChildAllocator("write " + table.name(), 0, Long.MAX_VALUE);
        VectorSchemaRoot staging = VectorSchemaRoot.create(table.schema(), scratch);
        ArrowFileWriter writer = new ArrowFileWriter(staging, table.dictionaries(), out)) {
      writer.start();
      for (VectorSchemaRoot batch : table.batches()) {
        // Loading retains the batch's buffers: nothing is copied.
        try (ArrowRecordBatch records = new VectorUnloader(batch).getRecordBatch()) {
          new VectorLoader(staging).load(records);
        }
        writer.writeBatch();
      }
      writer.end();
    }
  }

  /**
   * Maps {@code file} as table {@code name} in a new child of {@code parent}.
   *
   * @throws IOException if the file is not an Arrow file with the table's schema, or its vectors do
   *     not validate; the child allocator is closed then
   * @throws OutOfMemoryException if mapping it would pass the allocator's limit
   */
  static TraceTable read(Path file, String name, Schema expected, BufferAllocator parent) throws IOException {
    BufferAllocator child = parent.newChildAllocator(name, 0, Long.MAX_VALUE);
    Map<Long, Dictionary> dictionaries = new HashMap<>();
    List<VectorSchemaRoot> batches = new ArrayList<>();
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      ArrowFooter footer = footer(in);
      Schema schema = memoryFormat(footer.getSchema(), child, dictionaries);
      if (!schema.equals(expected)) throw new IOException("schema differs from the table's");
      for (ArrowBlock block : footer.getDictionaries()) loadDictionary(in, block, dictionaries, child);
      long rows = 0;
      for (ArrowBlock block : footer.getRecordBatches()) {
        VectorSchemaRoot root = VectorSchemaRoot.create(schema, child);
        batches.add(root);
        try (ArrowRecordBatch records = recordBatch(in, block, child)) {
          new VectorLoader(root).load(records);
        }
        root.getFieldVectors().forEach(FieldVector::validate);
        rows += root.getRowCount();
      }
      MapDictionaryProvider provider = new MapDictionaryProvider();
      dictionaries.values().forEach(provider::put);
      return new TraceTable(name, expected, batches, rows, provider, child, true);
    } catch (IOException | RuntimeException e) {
      batches.forEach(VectorSchemaRoot::close);
      dictionaries.values().forEach(d -> d.getVector().close());
      child.close();
      if (e instanceof OutOfMemoryException bound) throw bound;
      throw e instanceof IOException io ? io : new IOException(e.toString(), e);
    }
  }

  /** The schema with dictionary-encoded fields typed by their index, as Arrow's readers convert it. */
  private static Schema memoryFormat(Schema message, BufferAllocator allocator, Map<Long, Dictionary> dictionaries) {
    List<Field> fields = new ArrayList<>();
    for (Field f : message.getFields()) fields.add(DictionaryUtility.toMemoryFormat(f, allocator, dictionaries));
    return new Schema(fields, message.getCustomMetadata());
  }

  /** The footer at the end of the file: {@code <footer> <int32 length> "ARROW1"}. */
  private static ArrowFooter footer(FileChannel in) throws IOException {
    long size = in.size();
    if (size < 2L * MAGIC.length + 4) throw new IOException("too short for an Arrow file: " + size + " bytes");
    ByteBuffer tail = readFully(in, size - MAGIC.length - 4, MAGIC.length + 4);
    int footerLength = tail.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
    byte[] magic = new byte[MAGIC.length];
    tail.position(4).get(magic);
    long footerStart = size - MAGIC.length - 4 - footerLength;
    if (!Arrays.equals(magic, MAGIC) || footerLength <= 0 || footerStart < MAGIC.length) {
      throw new IOException("no Arrow file footer");
    }
    return new ArrowFooter(Footer.getRootAsFooter(readFully(in, footerStart, footerLength)));
  }

  private static void loadDictionary(FileChannel in, ArrowBlock block, Map<Long, Dictionary> dictionaries,
      BufferAllocator allocator) throws IOException {
    MessageMetadataResult message = message(in, block);
    ArrowBuf body = mapBody(in, block, message, allocator);
    try (ArrowDictionaryBatch batch = deserialized(body, () -> MessageSerializer.deserializeDictionaryBatch(message, body))) {
      Dictionary dictionary = dictionaries.get(batch.getDictionaryId());
      if (dictionary == null) throw new IOException("dictionary " + batch.getDictionaryId() + " is not in the schema");
      FieldVector vector = dictionary.getVector();
      VectorSchemaRoot holder = new VectorSchemaRoot(Collections.singletonList(vector.getField()),
          Collections.singletonList(vector), 0);
      new VectorLoader(holder).load(batch.getDictionary());
      vector.validate();
    }
  }

  private static ArrowRecordBatch recordBatch(FileChannel in, ArrowBlock block, BufferAllocator allocator)
      throws IOException {
    MessageMetadataResult message = message(in, block);
    ArrowBuf body = mapBody(in, block, message, allocator);
    return deserialized(body, () -> MessageSerializer.deserializeRecordBatch(message, body));
  }

  private interface Deserializer<T> {
    T run() throws IOException;
  }

  /** Runs Arrow's deserializer, which slices {@code body} and releases it on success; on failure, releases it here. */
  private static <T> T deserialized(ArrowBuf body, Deserializer<T> deserializer) throws IOException {
    try {
      return deserializer.run();
    } catch (IOException | RuntimeException e) {
      if (body.refCnt() > 0) body.close();
      throw e;
    }
  }

  private static MessageMetadataResult message(FileChannel in, ArrowBlock block) throws IOException {
    if (block.getOffset() < 0 || block.getOffset() + block.getMetadataLength() + block.getBodyLength() > in.size()) {
      throw new IOException("block at " + block.getOffset() + " runs past the end of the file");
    }
    in.position(block.getOffset());
    MessageMetadataResult message = MessageSerializer.readMessage(new ReadChannel(in));
    if (message == null || message.getMessageBodyLength() != block.getBodyLength()) {
      throw new IOException("block at " + block.getOffset() + " does not hold the message its footer lists");
    }
    return message;
  }

  /** The block's body as a buffer over the mapped file, accounted to {@code allocator}. */
  private static ArrowBuf mapBody(FileChannel in, ArrowBlock block, MessageMetadataResult message,
      BufferAllocator allocator) throws IOException {
    long length = message.getMessageBodyLength();
    if (length == 0) return allocator.getEmpty();
    MappedByteBuffer mapped = in.map(FileChannel.MapMode.READ_ONLY, block.getOffset() + block.getMetadataLength(), length);
    return allocator.wrapForeignAllocation(new MappedRegion(mapped));
  }

  private static ByteBuffer readFully(FileChannel in, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (in.read(buffer, position + buffer.position()) < 0) throw new IOException("unexpected end of file");
    }
    return buffer.flip();
  }

  /** A mapped region of a file; unmapped when the JVM collects the buffer after its release. */
  private static final class MappedRegion extends ForeignAllocation {
    private MappedByteBuffer mapped;

    MappedRegion(MappedByteBuffer mapped) {
      super(mapped.capacity(), MemoryUtil.getByteBufferAddress(mapped));
      this.mapped = mapped;
    }

    @Override protected void release0() {
      mapped = null;
    }
  }
}
