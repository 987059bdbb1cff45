package dev.gotrace.cli.report;

import dev.gotrace.cli.format.OutputFormat;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML, as CI systems read test results: one test suite per trace, one test case per
 * condition (a {@code <failure>} with the value found when it holds) and one per report (its rows
 * as text in {@code <system-out>}).
 */
final class JunitReportWriter implements ReportWriter {
  private final PrintWriter out;
  private final XMLStreamWriter xml;

  JunitReportWriter(PrintWriter out) {
    this.out = out;
    try {
      xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write XML: " + e.getMessage(), e);
    }
  }

  @Override public void begin(String trace, List<ConditionResult> conditions, int reports) {
    long failed = conditions.stream().filter(ConditionResult::failed).count();
    String tests = String.valueOf(conditions.size() + reports);
    try {
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "gotrace-sql report");
      xml.writeAttribute("tests", tests);
      xml.writeAttribute("failures", String.valueOf(failed));
      xml.writeAttribute("errors", "0");
      xml.writeCharacters("\n  ");
      xml.writeStartElement("testsuite");
      xml.writeAttribute("name", "gotrace-sql report " + trace);
      xml.writeAttribute("tests", tests);
      xml.writeAttribute("failures", String.valueOf(failed));
      xml.writeAttribute("errors", "0");
      xml.writeAttribute("skipped", "0");
      for (ConditionResult c : conditions) {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", "gotrace-sql.fail-if");
        xml.writeAttribute("name", c.condition());
        if (c.failed()) {
          xml.writeStartElement("failure");
          xml.writeAttribute("type", "fail-if");
          xml.writeAttribute("message", "condition is true: " + c.described());
          xml.writeCharacters(c.described());
          xml.writeEndElement();
        }
        xml.writeEndElement();
      }
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write XML: " + e.getMessage(), e);
    }
  }

  @Override public void report(String name, String doc, ResultSet rows) throws SQLException {
    StringWriter table = new StringWriter();
    try (PrintWriter w = new PrintWriter(table)) {
      w.println(doc);
      w.println();
      OutputFormat.table.printer(true).print(rows, w);
    }
    try {
      xml.writeCharacters("\n    ");
      xml.writeStartElement("testcase");
      xml.writeAttribute("classname", "gotrace-sql.report");
      xml.writeAttribute("name", name);
      xml.writeStartElement("system-out");
      xml.writeCharacters(table.toString());
      xml.writeEndElement();
      xml.writeEndElement();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write XML: " + e.getMessage(), e);
    }
  }

  @Override public void end() {
    try {
      xml.writeCharacters("\n  ");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.flush();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write XML: " + e.getMessage(), e);
    }
    out.println();
    out.flush();
  }
}
