package dev.gotrace.cli.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/** A JSON array of objects keyed by column label; numbers stay numbers, NULL is null. */
final class JsonPrinter implements ResultPrinter {
  @Override public void print(ResultSet rs, PrintWriter out) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.writeStartArray();
      while (rs.next()) {
        json.writeStartObject();
        for (int i = 1; i <= n; i++) {
          json.writeFieldName(md.getColumnLabel(i));
          write(json, rs.getObject(i));
        }
        json.writeEndObject();
      }
      json.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
  }

  private static void write(JsonGenerator json, Object v) throws IOException {
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
