package dev.gotrace.cli.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.gotrace.cli.report.html.ChartData;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * One self-contained HTML page: the conditions and report tables, then charts drawn in the browser
 * from data embedded in the page (uPlot and our script inlined), so it opens with no network access.
 */
public final class HtmlReportWriter implements ReportWriter {
  private static final String RESOURCES = "/dev/gotrace/cli/report/html/";
  /** Goroutines in the timeline when no condition chooses them. */
  public static final int DEFAULT_TIMELINE_GOROUTINES = 32;

  private final PrintWriter out;
  private final Connection connection;
  private final String timelineCondition;
  private final StringBuilder body = new StringBuilder();
  private String trace;

  public HtmlReportWriter(PrintWriter out, Connection connection, String timelineCondition) {
    this.out = out;
    this.connection = connection;
    this.timelineCondition = timelineCondition;
  }

  @Override public void begin(String trace, List<ConditionResult> conditions, int reports) {
    this.trace = trace;
    if (conditions.isEmpty()) return;
    body.append("<section id=\"conditions\"><h2>Conditions</h2><table><thead><tr><th>result</th><th>condition</th>"
        + "<th>found</th></tr></thead><tbody>\n");
    for (ConditionResult c : conditions) {
      body.append("<tr class=\"").append(c.failed() ? "failed" : "passed").append("\"><td>")
          .append(c.failed() ? "failed" : "passed").append("</td><td><code>").append(escape(c.condition()))
          .append("</code></td><td class=\"num\">").append(escape(String.valueOf(c.found()))).append("</td></tr>\n");
    }
    body.append("</tbody></table></section>\n");
  }

  @Override public void report(String name, String doc, ResultSet rows) throws SQLException {
    ResultSetMetaData md = rows.getMetaData();
    int n = md.getColumnCount();
    body.append("<section class=\"report\"><h2>").append(escape(name)).append("</h2><p>").append(escape(doc))
        .append("</p><div class=\"scroll\"><table data-report=\"").append(escape(name)).append("\"><thead><tr>");
    for (int i = 1; i <= n; i++) body.append("<th>").append(escape(md.getColumnLabel(i))).append("</th>");
    body.append("</tr></thead><tbody>\n");
    while (rows.next()) {
      body.append("<tr>");
      for (int i = 1; i <= n; i++) {
        Object v = rows.getObject(i);
        body.append(v instanceof Number ? "<td class=\"num\">" : "<td>")
            .append(v == null ? "<span class=\"null\">NULL</span>" : escape(v.toString())).append("</td>");
      }
      body.append("</tr>\n");
    }
    body.append("</tbody></table></div></section>\n");
  }

  @Override public void end() throws SQLException {
    Map<String, String> parts = Map.of(
        "title", escape("gotrace-sql report: " + trace),
        "style", resource("vendor/uplot/uPlot.min.css") + "\n" + resource("report.css"),
        "body", body.toString(),
        "data", chartData(),
        "script", resource("vendor/uplot/uPlot.iife.min.js") + "\n" + resource("report.js"));
    out.print(fill(resource("page.html"), parts));
    out.flush();
  }

  /** The template with each {{name}} replaced; only the template's own text is searched. */
  private static String fill(String template, Map<String, String> parts) {
    StringBuilder page = new StringBuilder(template.length() + parts.values().stream().mapToInt(String::length).sum());
    int at = 0;
    for (int open = template.indexOf("{{"); open >= 0; open = template.indexOf("{{", at)) {
      int close = template.indexOf("}}", open);
      String value = parts.get(template.substring(open + 2, close));
      if (value == null) throw new IllegalStateException("unknown placeholder in page.html at " + open);
      page.append(template, at, open).append(value);
      at = close + 2;
    }
    return page.append(template, at, template.length()).toString();
  }

  private String chartData() throws SQLException {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(text)) {
      new ChartData(connection, timelineCondition, DEFAULT_TIMELINE_GOROUTINES).write(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Inside <script>, "</" could end the element early; JSON allows "<\/" for it.
    return text.toString().replace("</", "<\\/");
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReportWriter.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) throw new IllegalStateException("missing resource " + RESOURCES + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
