package dev.gotrace.core;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared test data lives: {@code testdata/} under the repository root. */
public final class TestData {
  private TestData() {}

  /** {@code <gotrace.root>/testdata}; fails loudly if it is missing. */
  public static Path root() {
    String root = System.getProperty("gotrace.root");
    if (root == null) throw new IllegalStateException("system property gotrace.root is not set");
    Path dir = Path.of(root, "testdata");
    if (!Files.isDirectory(dir)) throw new IllegalStateException("test data missing: " + dir);
    return dir;
  }
}
