package dev.gotrace.core.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;

/** A table's rows as maps of column name to Java value (strings decoded through the dictionary). */
public final class Rows {
  private Rows() {}

  public static List<Map<String, Object>> of(TraceTable table) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (VectorSchemaRoot root : table.batches()) {
      for (int i = 0; i < root.getRowCount(); i++) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (FieldVector v : root.getFieldVectors()) row.put(v.getName(), value(table, v, i));
        rows.add(row);
      }
    }
    return rows;
  }

  static List<Map<String, Object>> where(TraceTable table, Predicate<Map<String, Object>> filter) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> row : of(table)) if (filter.test(row)) out.add(row);
    return out;
  }

  static Object value(TraceTable table, FieldVector v, int i) {
    if (v.isNull(i)) return null;
    DictionaryEncoding enc = v.getField().getDictionary();
    if (enc == null) {
      Object o = v.getObject(i);
      return o instanceof org.apache.arrow.vector.util.Text ? o.toString() : o;
    }
    VarCharVector dict = (VarCharVector) table.dictionaries().lookup(enc.getId()).getVector();
    return dict.getObject(((IntVector) v).get(i)).toString();
  }
}
