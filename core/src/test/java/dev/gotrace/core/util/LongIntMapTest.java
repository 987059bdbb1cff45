package dev.gotrace.core.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** LongIntMap, the int specialisation on the same table, behaves as a HashMap and densifies. */
class LongIntMapTest {
  @Test void agreesWithHashMap() {
    LongIntMap ours = new LongIntMap();
    Map<Long, Integer> reference = new HashMap<>();
    Random random = new Random(7);
    for (int i = 0; i < 100_000; i++) {
      long key = random.nextLong() % 20_000;
      if (i % 3 == 0) {
        assertEquals(reference.containsKey(key) ? reference.remove(key) : LongIntMap.MISSING, ours.remove(key));
        continue;
      }
      reference.put(key, i);
      ours.put(key, i);
      long probe = random.nextLong() % 20_000;
      assertEquals(reference.getOrDefault(probe, LongIntMap.MISSING), ours.get(probe));
    }
    assertEquals(reference.size(), ours.size());
  }

  @Test void densifiesOnlyKeysBelowTheLimit() {
    LongIntMap ids = new LongIntMap();
    ids.put(3, 30);
    ids.put(1, 10);
    assertArrayEquals(new int[] {LongIntMap.MISSING, 10, LongIntMap.MISSING, 30}, ids.toDense(4));
    assertNull(ids.toDense(3));
    ids.put(-1, 0);
    assertNull(ids.toDense(100));
  }
}
