package dev.gotrace.cli.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.gotrace.cli.format.JsonRows;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * One JSON object: {@code trace}, {@code failed} (any condition true), {@code conditions} (condition,
 * value, found, failed) and {@code reports} (name, description, rows as objects keyed by column).
 */
final class JsonReportWriter implements ReportWriter {
  private final PrintWriter out;
  private final JsonGenerator json;

  JsonReportWriter(PrintWriter out) {
    this.out = out;
    try {
      json = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter();
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override public void begin(String trace, List<ConditionResult> conditions, int reports) {
    try {
      json.writeStartObject();
      json.writeStringField("trace", trace);
      json.writeBooleanField("failed", conditions.stream().anyMatch(ConditionResult::failed));
      json.writeArrayFieldStart("conditions");
      for (ConditionResult c : conditions) {
        json.writeStartObject();
        json.writeStringField("condition", c.condition());
        json.writeFieldName("value");
        JsonRows.value(json, c.value());
        json.writeFieldName("found");
        JsonRows.value(json, c.found());
        json.writeBooleanField("failed", c.failed());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("reports");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override public void report(String name, String doc, ResultSet rows) throws SQLException {
    try {
      json.writeStartObject();
      json.writeStringField("name", name);
      json.writeStringField("description", doc);
      json.writeFieldName("rows");
      JsonRows.write(json, rows);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override public void end() {
    try {
      json.writeEndArray();
      json.writeEndObject();
      json.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
    out.flush();
  }
}
