package dev.gotrace.core.order;

import dev.gotrace.core.wire.EventSpecs;
import java.util.Arrays;

/**
 * The special ranges in flight on one goroutine or proc (Go's {@code rangeState}): STW, mark
 * assist, sweep. A range type is its begin event type plus a subtype (the STW kind string id).
 */
class RangeSet {
  private int[] types = new int[2];
  private long[] descs = new long[2];
  private int count;

  /** Go's {@code makeRangeType}: an end or active event maps to its begin event. */
  static int rangeType(int eventType) {
    int start = EventSpecs.get(eventType).startEvent();
    return start != 0 ? start : eventType;
  }

  private boolean has(int type, long desc) {
    for (int i = 0; i < count; i++) {
      if (types[i] == type && descs[i] == desc) return true;
    }
    return false;
  }

  private void add(int type, long desc) {
    if (count == types.length) {
      types = Arrays.copyOf(types, count * 2);
      descs = Arrays.copyOf(descs, count * 2);
    }
    types[count] = type;
    descs[count] = desc;
    count++;
  }

  /** Returns null or Go's error. */
  String beginRange(int type, long desc) {
    if (has(type, desc)) {
      return "discovered event already in-flight for when starting event " + EventSpecs.get(type).name();
    }
    add(type, desc);
    return null;
  }

  /** In the first generation an active range starts; later it must already be in flight. */
  String activeRange(int type, long desc, boolean initialGen) {
    if (initialGen) {
      if (has(type, desc)) {
        return "found named active range already in first gen: {" + type + " " + Long.toUnsignedString(desc) + "}";
      }
      add(type, desc);
    } else if (!has(type, desc)) {
      return "resource is missing active range: " + EventSpecs.get(type).name() + " " + describe();
    }
    return null;
  }

  /**
   * Ends the first in-flight range whose type is {@code endType}'s begin type (swap-remove);
   * returns its subtype, or {@link #NOT_IN_FLIGHT}.
   */
  long endRange(int endType) {
    int start = EventSpecs.get(endType).startEvent();
    for (int i = 0; i < count; i++) {
      if (types[i] == start) {
        long desc = descs[i];
        types[i] = types[count - 1];
        descs[i] = descs[count - 1];
        count--;
        return desc;
      }
    }
    return NOT_IN_FLIGHT;
  }

  /** Marker returned by {@link #endRange}; subtypes are string ids, never this value in practice. */
  static final long NOT_IN_FLIGHT = Long.MIN_VALUE;

  static String notInFlight(int endType) {
    return "tried to end event " + EventSpecs.get(EventSpecs.get(endType).startEvent()).name() + ", but not in-flight";
  }

  private String describe() {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < count; i++) {
      if (i > 0) b.append(' ');
      b.append('{').append(types[i]).append(' ').append(Long.toUnsignedString(descs[i])).append('}');
    }
    return b.append(']').toString();
  }
}
