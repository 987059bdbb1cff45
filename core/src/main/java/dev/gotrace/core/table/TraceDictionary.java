package dev.gotrace.core.table;

import dev.gotrace.core.event.StringPool;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;

/**
 * The one string dictionary of a trace: a VARCHAR vector holding the trace's {@link StringPool} in
 * id order (index 0 = ""). Every string column of every table is an Int32 index into it, under the
 * same dictionary id; a NULL index is a NULL string.
 */
public final class TraceDictionary {
  /** Dictionary id shared by every dictionary-encoded column. */
  public static final long ID = 1;

  static final DictionaryEncoding ENCODING = new DictionaryEncoding(ID, false, new ArrowType.Int(32, true));

  private TraceDictionary() {}

  /** Copies the pool into a vector owned by {@code allocator}; the caller closes it. */
  static Dictionary build(StringPool strings, BufferAllocator allocator) {
    int n = strings.size();
    byte[][] bytes = new byte[n][];
    long total = 0;
    for (int i = 0; i < n; i++) {
      bytes[i] = strings.get(i).getBytes(StandardCharsets.UTF_8);
      total += bytes[i].length;
    }
    VarCharVector vector = new VarCharVector("strings", allocator);
    try {
      vector.allocateNew(Math.max(total, 1), n);
      for (int i = 0; i < n; i++) vector.set(i, bytes[i]);
      vector.setValueCount(n);
    } catch (RuntimeException e) {
      vector.close();
      throw e;
    }
    return new Dictionary(vector, ENCODING);
  }
}
