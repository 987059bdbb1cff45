package dev.gotrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The HTML report in a real browser (Debian's headless Chromium through its chromedriver, both
 * installed by testdata/install-test-packages.sh): it renders without a console error and without
 * a single network request, its report tables show exactly the rows of the report views, and every
 * chart is drawn. Leaves a screenshot in target/ (docs/report.png is one of those).
 */
class HtmlReportBrowserIT {
  private static ChromeDriver browser;
  @TempDir static Path dir;

  @BeforeAll
  static void startBrowser() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    // The flags this machine's closed network needs (no background connections) and a fresh profile.
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + dir.resolve("profile"), "--window-size=1400,2600", "--hide-scrollbars");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    logs.enable(LogType.PERFORMANCE, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) browser.quit();
  }

  private static Path report(String program, String... options) {
    Path out = dir.resolve(program + ".html");
    List<String> args = new ArrayList<>(List.of("report", Golden.trace(program).toString(), "--format", "html",
        "-o", out.toString()));
    args.addAll(List.of(options));
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args.toArray(String[]::new));
    assertEquals(0, code, err.toString());
    return out;
  }

  /** Opens the page and waits for its script to finish; returns the page's URL. */
  private static String open(Path page) {
    String url = page.toUri().toString();
    browser.manage().logs().get(LogType.PERFORMANCE); // drop what earlier pages logged
    browser.manage().logs().get(LogType.BROWSER);
    browser.get(url);
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(b -> "true".equals(b.findElement(By.tagName("body")).getAttribute("data-rendered")));
    return url;
  }

  @Test
  void rendersOfflineWithoutErrorsAndShowsTheReportViewsRows() throws Exception {
    Path page = report("annotations");
    String url = open(page);
    List<String> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::getMessage).toList();
    assertEquals(List.of(), severe, "console errors or warnings");
    List<String> requests = new ArrayList<>();
    ObjectMapper mapper = new ObjectMapper();
    for (LogEntry e : browser.manage().logs().get(LogType.PERFORMANCE).getAll()) {
      JsonNode message = mapper.readTree(e.getMessage()).get("message");
      if (message.get("method").asText().equals("Network.requestWillBeSent")) {
        requests.add(message.get("params").get("request").get("url").asText());
      }
    }
    assertEquals(List.of(url), requests, "the page itself is the only request");

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> tables = (List<Map<String, Object>>) browser.executeScript(
        "return [...document.querySelectorAll('table[data-report]')].map(t => ({name: t.dataset.report,"
            + " header: [...t.tHead.rows[0].cells].map(c => c.textContent),"
            + " rows: [...t.tBodies[0].rows].map(r => [...r.cells].map(c => c.textContent))}))");
    assertEquals(9, tables.size(), "one table per shipped report");
    try (Connection c = DriverManager.getConnection("jdbc:gotrace:" + Golden.trace("annotations") + ";cache=off");
         Statement st = c.createStatement()) {
      for (Map<String, Object> table : tables) {
        String name = (String) table.get("name");
        List<String> header = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT * FROM " + name)) {
          ResultSetMetaData md = rs.getMetaData();
          for (int i = 1; i <= md.getColumnCount(); i++) header.add(md.getColumnLabel(i));
          while (rs.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) row.add(rs.getObject(i) == null ? "NULL" : rs.getObject(i).toString());
            rows.add(row);
          }
        }
        assertEquals(header, table.get("header"), name);
        // Rows a report does not order (ties, groups) may come in either order: compared as multisets.
        @SuppressWarnings("unchecked")
        List<List<String>> shown = new ArrayList<>((List<List<String>>) table.get("rows"));
        rows.sort(java.util.Comparator.comparing(Object::toString));
        shown.sort(java.util.Comparator.comparing(Object::toString));
        assertEquals(rows, shown, name);
        assertEquals(rows.isEmpty(), shown.isEmpty());
      }
    }
    assertEquals(4, browser.findElements(By.cssSelector("#sched-latency .uplot, #mmu .uplot, #heap .uplot, #goroutines .uplot")).size(), "four main charts");
    assertFalse(browser.findElements(By.cssSelector("#region-latency .uplot")).isEmpty(), "region histograms");
    assertFalse(browser.findElements(By.cssSelector("#task-latency .uplot")).isEmpty(), "task histograms");
    assertEquals(4, browser.findElements(By.cssSelector("#flames .flame")).size(), "a flame graph per profile");
    Number drawn = (Number) browser.executeScript(
        "const c = document.getElementById('timeline'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
            + " let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0) n++; return n;");
    assertTrue(drawn.longValue() > 1000, "the timeline is drawn");
  }

  @Test
  void screenshotOfABusyTrace() throws Exception {
    open(report("mix"));
    assertTrue(browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .noneMatch(e -> e.getLevel().intValue() >= Level.WARNING.intValue()));
    Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
    Path target = Path.of(System.getProperty("gotrace.root"), "cli", "target", "report-mix.png");
    Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    assertTrue(Files.size(target) > 50_000);
  }
}
