package dev.gotrace.jdbc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;

/**
 * The one string dictionary of a fixture catalogue, as core builds it: index 0 is "", every
 * string once. Strings get ids as tables are built; {@link #seal} writes the vector.
 */
final class FixtureDictionary {
  /** The dictionary id every encoded column uses (deliberately not 0). */
  static final long ID = 7;

  private final Map<String, Integer> ids = new HashMap<>();
  private final List<String> strings = new ArrayList<>();
  private VarCharVector vector;

  FixtureDictionary() {
    id("");
  }

  int id(String s) {
    return ids.computeIfAbsent(s, k -> {
      strings.add(k);
      return strings.size() - 1;
    });
  }

  void seal(BufferAllocator allocator) {
    vector = new VarCharVector("dictionary", allocator);
    vector.allocateNew();
    for (int i = 0; i < strings.size(); i++) vector.setSafe(i, strings.get(i).getBytes(StandardCharsets.UTF_8));
    vector.setValueCount(strings.size());
  }

  /** Resolves {@link #ID}; valid once sealed. */
  DictionaryProvider provider() {
    return new DictionaryProvider() {
      @Override
      public Dictionary lookup(long id) {
        if (id != ID || vector == null) return null;
        return new Dictionary(vector, new DictionaryEncoding(ID, false, new ArrowType.Int(32, true)));
      }

      @Override
      public Set<Long> getDictionaryIds() {
        return Set.of(ID);
      }
    };
  }

  void close() {
    if (vector != null) vector.close();
  }
}
