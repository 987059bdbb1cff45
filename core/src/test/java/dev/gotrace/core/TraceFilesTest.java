package dev.gotrace.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gotrace.core.TraceFiles.TraceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceFilesTest {
  @TempDir Path dir;

  private Path touch(String relative) throws IOException {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    return Files.write(p, new byte[] {1});
  }

  private static List<String> ids(List<TraceFile> files) {
    return files.stream().map(TraceFile::traceId).toList();
  }

  @Test
  void aDirectoryListsItsTracesRecursivelyByRelativePath() throws IOException {
    touch("go1.22/chansync.trace");
    touch("go1.27/chansync.trace");
    touch("go1.27/notes.txt");
    List<TraceFile> files = TraceFiles.resolve(List.of(dir.toString()));
    assertEquals(List.of("go1.22/chansync.trace", "go1.27/chansync.trace"), ids(files));
    assertEquals(dir.resolve("go1.27/chansync.trace").toAbsolutePath(), files.get(1).path());
    assertTrue(TraceFiles.isCatalogue(List.of(dir.toString())));
  }

  @Test
  void aGlobMatchesUnderItsPrefix() throws IOException {
    touch("go1.22/a.trace");
    touch("go1.27/a.trace");
    touch("go1.27/b.out");
    assertEquals(List.of("go1.22/a.trace", "go1.27/a.trace"), ids(TraceFiles.resolve(List.of(dir + "/*/*.trace"))));
    assertEquals(List.of("b.out"), ids(TraceFiles.resolve(List.of(dir + "/go1.27/*.out"))));
    assertEquals(List.of("go1.27/a.trace", "go1.27/b.out"), ids(TraceFiles.resolve(List.of(dir + "/**1.27/*"))));
  }

  @Test
  void plainFilesAreIdentifiedByNameAndDuplicatesAreNumbered() throws IOException {
    Path a = touch("x/t.trace");
    Path b = touch("y/t.trace");
    assertFalse(TraceFiles.isCatalogue(List.of(a.toString())));
    assertEquals(List.of("t.trace"), ids(TraceFiles.resolve(List.of(a.toString()))));
    assertEquals(List.of("t.trace", "t.trace#2"), ids(TraceFiles.resolve(List.of(a.toString(), b.toString(), a.toString()))));
  }

  @Test
  void nothingFoundIsAClearError() throws IOException {
    Files.createDirectories(dir.resolve("empty"));
    assertThrows(NoSuchFileException.class, () -> TraceFiles.resolve(List.of(dir.resolve("missing.trace").toString())));
    NoSuchFileException e = assertThrows(NoSuchFileException.class,
        () -> TraceFiles.resolve(List.of(dir.resolve("empty").toString())));
    assertTrue(e.getMessage().contains("no *.trace file"), e.getMessage());
    assertThrows(NoSuchFileException.class, () -> TraceFiles.resolve(List.of(dir + "/*.trace")));
  }
}
