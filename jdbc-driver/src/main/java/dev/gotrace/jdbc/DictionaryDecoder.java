package dev.gotrace.jdbc;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;

/** Decodes a string dictionary once, so rows share its Strings instead of decoding per value. */
final class DictionaryDecoder {
  private DictionaryDecoder() {}

  /**
   * The strings of dictionary {@code id}, by index.
   *
   * @throws IllegalArgumentException if the dictionary is missing or not a VarChar vector
   */
  static String[] decode(String table, String column, DictionaryProvider provider, long id) {
    Dictionary dictionary = provider.lookup(id);
    if (dictionary == null || !(dictionary.getVector() instanceof VarCharVector strings)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "table %s, column %s: dictionary %d is %s", table, column, id,
          dictionary == null ? "missing" : "not a VarChar vector"));
    }
    String[] decoded = new String[strings.getValueCount()];
    for (int i = 0; i < decoded.length; i++) {
      decoded[i] = strings.isNull(i) ? null : new String(strings.get(i), StandardCharsets.UTF_8);
    }
    return decoded;
  }
}
