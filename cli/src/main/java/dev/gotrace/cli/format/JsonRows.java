package dev.gotrace.cli.format;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/** Rows as a JSON array of objects keyed by column label; numbers stay numbers, NULL is null. */
public final class JsonRows {
  private JsonRows() {}

  /** Writes every row of {@code rs} to {@code json} as one array. */
  public static void write(JsonGenerator json, ResultSet rs) throws SQLException, IOException {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    json.writeStartArray();
    while (rs.next()) {
      json.writeStartObject();
      for (int i = 1; i <= n; i++) {
        json.writeFieldName(md.getColumnLabel(i));
        value(json, rs.getObject(i));
      }
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  /** Writes one SQL value with its JSON type. */
  public static void value(JsonGenerator json, Object v) throws IOException {
    if (v == null) json.writeNull();
    else if (v instanceof Long l) json.writeNumber(l);
    else if (v instanceof Integer i) json.writeNumber(i);
    else if (v instanceof Short s) json.writeNumber(s);
    else if (v instanceof Byte b) json.writeNumber(b);
    else if (v instanceof Double d) json.writeNumber(d);
    else if (v instanceof Float f) json.writeNumber(f);
    else if (v instanceof BigDecimal d) json.writeNumber(d);
    else if (v instanceof Boolean b) json.writeBoolean(b);
    else json.writeString(v.toString());
  }
}
