package dev.gotrace.jdbc;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code views.json} beside an exported dataset: every shipped view and report as its SQL file's
 * text, in dependency order, with its documentation, what it reads and whether another engine can
 * run it. The views are written for one trace, so the file says how to run them over a dataset of
 * several: per trace, over views of the base tables restricted to that trace.
 */
public final class ViewsFile {
  /** The file's name in an export. */
  public static final String NAME = "views.json";
  /** The file format's name and version, its field "format". */
  public static final String FORMAT = "gotrace-sql views 1";
  /** What the field "how_to_run" says. */
  public static final String HOW_TO_RUN = "Each view is written for one trace. To run it over the dataset, for each trace_id X: "
      + "define every base table as a temporary view of the dataset's rows with trace_id = X (without the trace_id "
      + "column), then define the portable views in this file's order, each as its sql text unchanged, and query them. "
      + "Views whose portable is false use gotrace's own functions or Calcite-only syntax; run them with gotrace-sql.";

  private ViewsFile() {}

  /** Writes the file; {@code tablesFormat} names the dataset's file format ("parquet", "arrow"). */
  public static void write(Path file, String tablesFormat) throws IOException {
    List<PortableViews.View> views = PortableViews.shipped();
    try (JsonGenerator json = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("format", FORMAT);
      json.writeStringField("tables_format", tablesFormat);
      json.writeStringField("partition_column", "trace_id");
      json.writeStringField("how_to_run", HOW_TO_RUN);
      json.writeArrayFieldStart("views");
      for (PortableViews.View v : views) write(json, v);
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  private static void write(JsonGenerator json, PortableViews.View v) throws IOException {
    ViewDefinition d = v.definition();
    json.writeStartObject();
    json.writeStringField("name", d.name());
    json.writeBooleanField("portable", v.portable());
    if (!v.portable()) json.writeStringField("not_portable_because", v.notPortable());
    json.writeStringField("doc", d.doc());
    strings(json, "reads_views", v.views());
    strings(json, "reads_tables", v.tables());
    json.writeArrayFieldStart("columns");
    for (Map.Entry<String, ViewDefinition.ColumnDoc> c : d.columns().entrySet()) {
      json.writeStartObject();
      json.writeStringField("name", c.getKey());
      json.writeStringField("type", c.getValue().type());
      json.writeStringField("doc", c.getValue().meaning());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeStringField("sql", d.sql());
    json.writeEndObject();
  }

  private static void strings(JsonGenerator json, String field, List<String> values) throws IOException {
    json.writeArrayFieldStart(field);
    for (String s : values) json.writeString(s);
    json.writeEndArray();
  }
}
