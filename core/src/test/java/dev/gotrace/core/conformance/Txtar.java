package dev.gotrace.core.conformance;

import java.util.LinkedHashMap;
import java.util.Map;

/** Go's txtar archive format: {@code -- name --} marker lines, each followed by that file's lines. */
final class Txtar {
  private Txtar() {}

  /** File name to content, in archive order; the comment before the first marker is dropped. */
  static Map<String, String> parse(String archive) {
    Map<String, String> files = new LinkedHashMap<>();
    String name = null;
    StringBuilder content = new StringBuilder();
    for (String line : archive.split("\n", -1)) {
      if (line.startsWith("-- ") && line.endsWith(" --") && line.length() >= 6) {
        if (name != null) files.put(name, content.toString());
        name = line.substring(3, line.length() - 3).trim();
        content.setLength(0);
      } else if (name != null) {
        content.append(line).append('\n');
      }
    }
    if (name != null) files.put(name, content.toString());
    return files;
  }
}
