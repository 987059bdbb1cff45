package dev.gotrace.cli.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A JSON array of objects keyed by column label ({@link JsonRows}). */
final class JsonPrinter implements ResultPrinter {
  @Override public void print(ResultSet rs, PrintWriter out) throws SQLException {
    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      JsonRows.write(json, rs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
  }
}
