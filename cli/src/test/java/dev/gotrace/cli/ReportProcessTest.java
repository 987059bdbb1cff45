package dev.gotrace.cli;

import static dev.gotrace.cli.CliProcessTest.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code bin/gotrace-sql report} run as a process: the exit codes of true, false and invalid
 * {@code --fail-if} conditions, the condition named with the value found (counts of Go's
 * {@code go tool trace -d=parsed} golden), the JUnit XML parsed, and the JSON with a --report-file.
 */
class ReportProcessTest {
  private static final String TRACE = Golden.trace("chansync").toString();

  @Test
  void trueConditionFailsWithItsValueAndJunitHasOneCasePerConditionAndReport(@TempDir Path dir) throws Exception {
    long syncs = Golden.eventKinds("chansync").stream().filter("Sync"::equals).count();
    String holds = "(SELECT COUNT(*) FROM events WHERE kind = 'Sync') >= 2";
    String fails = "(SELECT generation_count FROM trace_info) > 1000";
    Path xml = dir.resolve("report.xml");
    ProcessRun run = ProcessRun.of(null, "report", TRACE, "summary", "top_sync", "--format", "junit", "-o", xml.toString(),
        "--fail-if", holds, "--fail-if", fails);
    assertEquals(ExitCodes.CONDITION_FAILED, run.exitCode(), run.err());
    assertEquals("", run.out());
    assertEquals("gotrace-sql: condition failed: " + holds + " (found " + syncs + ")\n", run.err());

    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
    Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
    assertEquals("4", suite.getAttribute("tests"));
    assertEquals("1", suite.getAttribute("failures"));
    NodeList cases = doc.getElementsByTagName("testcase");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < cases.getLength(); i++) names.add(((Element) cases.item(i)).getAttribute("name"));
    assertEquals(List.of(holds, fails, "report_summary", "report_top_sync"), names);
    NodeList failure = ((Element) cases.item(0)).getElementsByTagName("failure");
    assertEquals(1, failure.getLength());
    assertEquals("condition is true: " + holds + " (found " + syncs + ")", ((Element) failure.item(0)).getAttribute("message"));
    for (int i = 1; i < 4; i++) assertEquals(0, ((Element) cases.item(i)).getElementsByTagName("failure").getLength());
    String summary = ((Element) cases.item(2)).getElementsByTagName("system-out").item(0).getTextContent();
    // generations = Sync events - 1 (Go's reader emits one before each generation and one at the end).
    assertTrue(summary.contains("generations"), summary);
    assertTrue(summary.lines().anyMatch(l -> l.matches("\\s*\\d+ \\|\\s+" + (syncs - 1) + " \\|.*")), summary);
  }

  @Test
  void conditionsThatAreNotValidSqlOrNotBooleanAreUsageErrors() throws Exception {
    ProcessRun syntax = ProcessRun.of(null, "report", TRACE, "summary", "--fail-if", "COUNT(* FROM");
    assertEquals(ExitCodes.USAGE, syntax.exitCode());
    assertTrue(syntax.err().startsWith("gotrace-sql: --fail-if \"COUNT(* FROM\": not valid SQL: "), syntax.err());
    assertEquals(1, syntax.err().lines().count(), syntax.err());
    assertEquals("", syntax.out());

    ProcessRun number = ProcessRun.of(null, "report", TRACE, "summary", "--fail-if", "(SELECT COUNT(*) FROM gc_pauses)");
    assertOneLineError(number, ExitCodes.USAGE,
        "gotrace-sql: --fail-if \"(SELECT COUNT(*) FROM gc_pauses)\": not a boolean condition (its type is BIGINT)");
    assertEquals("", number.out());
  }

  @Test
  void jsonWithReportFileAndFalseConditionPasses(@TempDir Path dir) throws Exception {
    long syncs = Golden.eventKinds("chansync").stream().filter("Sync"::equals).count();
    Path file = dir.resolve("syncs.sql");
    Files.writeString(file, "-- syncs: Sync events of the trace.\n-- n BIGINT: how many.\n"
        + "SELECT COUNT(*) AS n FROM events WHERE kind = 'Sync';\n");
    String condition = "(SELECT COUNT(*) FROM events WHERE kind = 'Sync') > " + syncs;
    ProcessRun run = ProcessRun.of(null, "report", TRACE, "--report-file", file.toString(), "--format", "json",
        "--fail-if", condition);
    assertEquals("", run.err());
    assertEquals(ExitCodes.OK, run.exitCode());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertEquals("chansync.trace", json.get("trace").asText());
    assertFalse(json.get("failed").asBoolean());
    JsonNode c = json.get("conditions").get(0);
    assertEquals(condition, c.get("condition").asText());
    assertFalse(c.get("value").asBoolean());
    assertEquals(syncs, c.get("found").asLong());
    assertEquals(1, json.get("reports").size());
    JsonNode report = json.get("reports").get(0);
    assertEquals("syncs", report.get("name").asText());
    assertEquals("Sync events of the trace.", report.get("description").asText());
    assertEquals(syncs, report.get("rows").get(0).get("n").asLong());
  }
}
