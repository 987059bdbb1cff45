package dev.gotrace.core.table;

import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/** Field and schema factories: every field and every schema carries its documentation as metadata "doc". */
final class Fields {
  /** Metadata key of the documentation string of a field or a table schema. */
  static final String DOC = "doc";

  private static final ArrowType BIGINT = new ArrowType.Int(64, true);
  private static final ArrowType INT = new ArrowType.Int(32, true);

  private Fields() {}

  static Field bigint(String name, boolean nullable, String doc) {
    return field(name, nullable, BIGINT, doc);
  }

  static Field int32(String name, boolean nullable, String doc) {
    return field(name, nullable, INT, doc);
  }

  static Field bool(String name, boolean nullable, String doc) {
    return field(name, nullable, ArrowType.Bool.INSTANCE, doc);
  }

  static Field utf8(String name, boolean nullable, String doc) {
    return field(name, nullable, ArrowType.Utf8.INSTANCE, doc);
  }

  /** A string column: Int32 indices into the trace-wide string dictionary ({@link TraceDictionary}). */
  static Field string(String name, boolean nullable, String doc) {
    return new Field(name, new FieldType(nullable, INT, TraceDictionary.ENCODING, Map.of(DOC, doc)), null);
  }

  static Schema schema(String tableDoc, Field... fields) {
    return new Schema(List.of(fields), Map.of(DOC, tableDoc));
  }

  private static Field field(String name, boolean nullable, ArrowType type, String doc) {
    return new Field(name, new FieldType(nullable, type, null, Map.of(DOC, doc)), null);
  }
}
