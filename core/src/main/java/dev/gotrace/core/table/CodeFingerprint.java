package dev.gotrace.core.table;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Identifies the code that builds the tables, so a decode cache written by another build is not
 * served: a hash of every table's schema (names, types, documentation) and of the size and
 * modification time of the jar (or class directory) this class was loaded from.
 */
final class CodeFingerprint {
  static final String VALUE = compute();

  private CodeFingerprint() {}

  private static String compute() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String name : TableSchemas.names()) {
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        // Not Schema.toJson(): starting Jackson for it cost every process start about 50 ms.
        Schema schema = TableSchemas.schema(name);
        StringBuilder text = new StringBuilder(schema.toString()).append(schema.getCustomMetadata());
        for (Field field : schema.getFields()) text.append(field.getMetadata());
        digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
      }
      CodeSource source = CodeFingerprint.class.getProtectionDomain().getCodeSource();
      if (source != null && "file".equals(source.getLocation().getProtocol())) {
        Path location = Path.of(source.getLocation().toURI());
        String stamp = location + ":" + Files.size(location) + ":" + Files.getLastModifiedTime(location).toMillis();
        digest.update(stamp.getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest(), 0, 16);
    } catch (Exception e) {
      throw new IllegalStateException("cannot fingerprint the table code: " + e, e);
    }
  }
}
