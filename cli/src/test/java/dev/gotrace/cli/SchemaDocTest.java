package dev.gotrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/schema.md is what `tables --markdown` prints today, under its four-line heading: it cannot drift. */
class SchemaDocTest {
  private static final int HEADING_LINES = 4;

  @Test
  void schemaDocIsTheTablesCommandsOutput() throws Exception {
    Path doc = Golden.root().resolve("docs/schema.md");
    String text = Files.readString(doc, StandardCharsets.UTF_8);
    int body = 0;
    for (int i = 0; i < HEADING_LINES; i++) body = text.indexOf('\n', body) + 1;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), "tables", "--no-cache",
        Golden.trace("chansync").toString(), "--markdown");
    assertEquals(0, code, err.toString());
    assertEquals(out.toString(), text.substring(body),
        "docs/schema.md is stale: regenerate it with bin/gotrace-sql tables --no-cache "
            + "testdata/traces/go1.27/chansync.trace --markdown (keeping its first " + HEADING_LINES + " lines)");
  }
}
