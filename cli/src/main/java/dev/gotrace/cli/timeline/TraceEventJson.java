package dev.gotrace.cli.timeline;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes Chrome's trace-event JSON (the "JSON Object Format" that chrome://tracing and
 * ui.perfetto.dev open) event by event, so the file never has to fit in memory. Times are given in
 * ns and written in the format's microseconds with three decimals, losing nothing.
 */
final class TraceEventJson implements Closeable {
  private final JsonGenerator json;
  private long events;

  TraceEventJson(OutputStream out) throws IOException {
    json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
    json.writeStartObject();
    json.writeStringField("displayTimeUnit", "ns");
    json.writeArrayFieldStart("traceEvents");
  }

  /** Names a process ({@code tid} null) or a thread, and orders it among its siblings. */
  void name(int pid, Long tid, String name, long sortIndex) throws IOException {
    for (int i = 0; i < 2; i++) {
      boolean isName = i == 0;
      String kind = (tid == null ? "process" : "thread") + (isName ? "_name" : "_sort_index");
      start(kind, "M", pid, tid == null ? 0 : tid);
      json.writeObjectFieldStart("args");
      if (isName) json.writeStringField("name", name);
      else json.writeNumberField("sort_index", sortIndex);
      json.writeEndObject();
      json.writeEndObject();
    }
  }

  /** A complete slice ("X"); its args follow with {@link Args} and it ends with {@link #end()}. */
  Args slice(String name, int pid, long tid, long ts, long dur) throws IOException {
    start(name, "X", pid, tid);
    time("ts", ts);
    time("dur", dur);
    return openArgs();
  }

  /** An instant ("i") on a thread. */
  Args instant(String name, int pid, long tid, long ts) throws IOException {
    start(name, "i", pid, tid);
    json.writeStringField("s", "t");
    time("ts", ts);
    return openArgs();
  }

  /** Start or end of an async slice ("b"/"e") with an id, e.g. a user task. */
  Args async(boolean begin, String category, String name, long id, int pid, long ts) throws IOException {
    start(name, begin ? "b" : "e", pid, 0);
    json.writeStringField("cat", category);
    json.writeStringField("id", Long.toString(id));
    time("ts", ts);
    return openArgs();
  }

  /** One end of a flow arrow ("s" at its tail, "f" at its head, bound to the enclosing slice). */
  void flow(boolean tail, long id, int pid, long tid, long ts) throws IOException {
    start("unblock", tail ? "s" : "f", pid, tid);
    json.writeStringField("cat", "unblock");
    json.writeStringField("id", Long.toString(id));
    if (!tail) json.writeStringField("bp", "e");
    time("ts", ts);
    json.writeEndObject();
  }

  /** A counter sample ("C"): each arg is one series of the counter track. */
  Args counter(String name, int pid, long ts) throws IOException {
    start(name, "C", pid, 0);
    time("ts", ts);
    return openArgs();
  }

  long eventCount() {
    return events;
  }

  private void start(String name, String phase, int pid, long tid) throws IOException {
    events++;
    json.writeStartObject();
    json.writeStringField("name", name);
    json.writeStringField("ph", phase);
    json.writeNumberField("pid", pid);
    json.writeNumberField("tid", tid);
  }

  private void time(String field, long ns) throws IOException {
    json.writeFieldName(field);
    long micros = Math.floorDiv(ns, 1000);
    int fraction = (int) Math.floorMod(ns, 1000);
    json.writeNumber(fraction == 0 ? Long.toString(micros) : micros + "." + String.format("%03d", fraction));
  }

  private Args openArgs() throws IOException {
    json.writeObjectFieldStart("args");
    return new Args();
  }

  @Override public void close() throws IOException {
    json.writeEndArray();
    json.writeEndObject();
    json.close();
  }

  /** The args object of the event just started; {@link #end()} closes it and the event. */
  final class Args {
    Args put(String key, long value) throws IOException {
      json.writeNumberField(key, value);
      return this;
    }

    Args put(String key, String value) throws IOException {
      if (value != null) json.writeStringField(key, value);
      return this;
    }

    Args put(String key, List<String> lines) throws IOException {
      if (lines == null) return this;
      json.writeArrayFieldStart(key);
      for (String line : lines) json.writeString(line);
      json.writeEndArray();
      return this;
    }

    void end() throws IOException {
      json.writeEndObject();
      json.writeEndObject();
    }
  }
}
