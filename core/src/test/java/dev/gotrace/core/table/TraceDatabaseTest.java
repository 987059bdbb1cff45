package dev.gotrace.core.table;

import dev.gotrace.core.SchemaContract;

import static dev.gotrace.core.event.GoState.NOT_EXIST;
import static dev.gotrace.core.event.GoState.RUNNABLE;
import static dev.gotrace.core.event.GoState.RUNNING;
import static dev.gotrace.core.event.GoState.UNDETERMINED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.Test;

/** The database as a whole: schema.md's contract, documentation, dictionary encoding, memory. */
class TraceDatabaseTest extends ArrowTest {

  /** SQL reserved words a column name could plausibly collide with (SQL:2016, Calcite, PostgreSQL). */
  private static final Set<String> RESERVED = Set.of("all", "and", "any", "array", "as", "asc", "begin", "between",
      "both", "by", "case", "cast", "check", "collate", "column", "constraint", "count", "create", "cross", "current",
      "current_date", "current_time", "current_user", "date", "day", "default", "desc", "distinct", "else", "end",
      "except", "exists", "false", "fetch", "filter", "first", "for", "foreign", "from", "full", "function", "group",
      "having", "hour", "in", "inner", "intersect", "interval", "into", "is", "join", "language", "last", "leading",
      "left", "like", "limit", "local", "max", "min", "minute", "month", "natural", "not", "null", "of", "offset",
      "on", "only", "or", "order", "outer", "over", "partition", "position", "primary", "range", "rank", "references",
      "result", "right", "row", "rows", "scope", "second", "select", "session_user", "some", "start", "sum", "system",
      "table", "then", "time", "timestamp", "to", "trailing", "true", "union", "unique", "unknown", "user", "using",
      "value", "values", "when", "where", "window", "with", "year");

  private TraceDatabase small() {
    EventScript s = new EventScript();
    return database(s, () -> {
      s.sync(5000);
      s.on(1, 0, -1).go(5001, 1, UNDETERMINED, RUNNING, "", 0, s.stack("main.main"));
      s.on(1, 0, 1).go(5010, 2, NOT_EXIST, RUNNABLE, "", s.stack("main.main"), s.stack("main.worker"));
      s.on(-1, -1, -1).sync(6000);
    });
  }

  @Test void everyTableOfSchemaMdWithItsRequiredColumnsAndDocumentation() {
    TraceDatabase db = small();
    assertEquals(List.copyOf(SchemaContract.TABLES.keySet()), db.tables().stream().map(TraceTable::name).toList());
    for (TraceTable t : db.tables()) {
      assertFalse(t.doc().isBlank(), t.name());
      List<String> names = t.schema().getFields().stream().map(Field::getName).toList();
      assertTrue(names.containsAll(SchemaContract.TABLES.get(t.name())), t.name() + " has " + names);
      for (Field f : t.schema().getFields()) {
        String doc = TraceTable.doc(f);
        assertNotNull(doc, t.name() + "." + f.getName());
        assertFalse(doc.isBlank(), t.name() + "." + f.getName());
        assertEquals(f.getName().toLowerCase(Locale.ROOT), f.getName());
        assertFalse(RESERVED.contains(f.getName()), t.name() + "." + f.getName() + " is a reserved word");
      }
    }
    assertThrows(IllegalArgumentException.class, () -> db.table("no_such_table"));
  }

  @Test void stringColumnsIndexTheOneTraceWideDictionary() {
    TraceDatabase db = small();
    Set<Long> ids = db.tables().stream().flatMap(t -> t.schema().getFields().stream())
        .map(Field::getDictionary).filter(d -> d != null).map(DictionaryEncoding::getId).collect(Collectors.toSet());
    assertEquals(Set.of(TraceDictionary.ID), ids);
    TraceTable goroutines = db.table("goroutines");
    VarCharVector dictionary = (VarCharVector) goroutines.dictionaries().lookup(TraceDictionary.ID).getVector();
    assertEquals("", dictionary.getObject(0).toString());

    Field name = goroutines.schema().findField("name");
    assertEquals(new ArrowType.Int(32, true), name.getType());
    IntVector indices = (IntVector) goroutines.batches().get(0).getVector("name");
    assertEquals("main.main", dictionary.getObject(indices.get(0)).toString());
    assertEquals("main.worker", dictionary.getObject(indices.get(1)).toString());

    TraceTable events = db.table("events");
    IntVector reason = (IntVector) events.batches().get(0).getVector("reason");
    assertTrue(reason.isNull(0)); // the Sync has no reason: NULL index, not ""
    assertEquals(0, reason.get(1)); // a transition without a reason: ""
  }

  @Test void timesCountFromTheFirstSync() {
    TraceDatabase db = small();
    Map<String, Object> info = Rows.of(db.table("trace_info")).get(0);
    assertEquals(5000L, info.get("first_ts_abs"));
    assertEquals(1000L, info.get("duration_ns"));
    assertEquals("test.trace", info.get("path"));
    assertEquals(false, info.get("truncated"));
    assertEquals(List.of(0L, 1L, 10L, 1000L), Rows.of(db.table("events")).stream().map(r -> r.get("ts")).toList());
  }

  @Test void theDatabaseOwnsItsMemoryAndFreesItOnClose() {
    EventScript s = new EventScript();
    TraceTablesBuilder builder = new TraceTablesBuilder(s.strings, s.stacks);
    s.to(builder).sync(10).on(1, 0, -1).go(11, 1, UNDETERMINED, RUNNING).sync(20);
    TraceInfo info = new TraceInfo("x", null, 3, 1, 1, 123L, true, 7, 8, 1, "cut");
    TraceDatabase db = TraceDatabase.build(builder, info, null, allocator, "x");
    assertTrue(allocator.getAllocatedMemory() > 0);
    assertEquals(TableSchemas.names().size(), db.allocator().getChildAllocators().size()); // one per table
    Map<String, Object> row = Rows.of(db.table("trace_info")).get(0);
    assertEquals(List.of(123L, true, 7L, "cut"),
        List.of(row.get("wall_clock_start_ns"), row.get("truncated"), row.get("lost_bytes"), row.get("error_message")));
    db.close();
    assertEquals(0, allocator.getAllocatedMemory());

    TraceDatabase own = TraceDatabase.build(new TraceTablesBuilder(s.strings, s.stacks), info, null, null, "own");
    assertEquals(0, own.table("events").rowCount());
    assertTrue(own.table("events").batches().isEmpty());
    own.close(); // a RootAllocator of its own: closing it would throw on a leak
  }
}
