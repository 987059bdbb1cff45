package dev.gotrace.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** LongObjectMap behaves as a HashMap under random puts and removes (removals re-pack probe runs). */
class LongObjectMapTest {
  @Test void agreesWithHashMap() {
    LongObjectMap<Long> ours = new LongObjectMap<>();
    Map<Long, Long> reference = new HashMap<>();
    Random random = new Random(42);
    for (int i = 0; i < 200_000; i++) {
      long key = random.nextInt(5_000) - 10; // includes -1 and other negative ids
      if (random.nextInt(3) == 0) {
        assertEquals(reference.remove(key), ours.remove(key));
      } else {
        reference.put(key, (long) i);
        ours.put(key, (long) i);
      }
      long probe = random.nextInt(5_000) - 10;
      assertEquals(reference.get(probe), ours.get(probe));
    }
    assertEquals(reference.size(), ours.size());
    assertEquals(new HashMap<>(reference).keySet(), new java.util.HashSet<>(ours.keys()));
  }
}
