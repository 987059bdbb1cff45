package dev.gotrace.cli.report.html;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stacks merged root first into a tree whose nodes carry the summed value of the stacks through them. */
final class FlameTree {
  private final String name;
  private long value;
  private final Map<String, FlameTree> children = new LinkedHashMap<>();

  FlameTree(String name) {
    this.name = name;
  }

  /** Adds a stack (frames root first) with its value. */
  void add(List<String> rootFirst, long v) {
    FlameTree node = this;
    node.value += v;
    for (String frame : rootFirst) {
      node = node.children.computeIfAbsent(frame, FlameTree::new);
      node.value += v;
    }
  }

  long value() {
    return value;
  }

  /** {"n": name, "v": value, "c": [children, largest first]}. */
  void write(JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("n", name);
    json.writeNumberField("v", value);
    if (!children.isEmpty()) {
      json.writeArrayFieldStart("c");
      for (FlameTree child : children.values().stream()
          .sorted((a, b) -> Long.compare(b.value, a.value)).toList()) {
        child.write(json);
      }
      json.writeEndArray();
    }
    json.writeEndObject();
  }
}
