package dev.gotrace.core.table;

/** go tool trace's four pprof-style profiles: their names' string-pool ids and a small slot (0-3) per profile. */
final class Profiles {
  static final int COUNT = 4;
  private static final String[] NAMES = {"net", "sync", "syscall", "sched"};
  private final int[] ids = new int[COUNT];

  Profiles(Vocabulary vocabulary) {
    for (int slot = 0; slot < COUNT; slot++) ids[slot] = vocabulary.intern(NAMES[slot]);
  }

  int net() { return ids[0]; }

  int sync() { return ids[1]; }

  int syscall() { return ids[2]; }

  int sched() { return ids[3]; }

  /** The string-pool id of the profile in {@code slot}. */
  int id(int slot) { return ids[slot]; }

  /** The slot of the profile named by string-pool id {@code id}; -1 if it names none (-1: no profile). */
  int slot(int id) {
    for (int slot = 0; slot < COUNT; slot++) if (ids[slot] == id) return slot;
    return -1;
  }
}
