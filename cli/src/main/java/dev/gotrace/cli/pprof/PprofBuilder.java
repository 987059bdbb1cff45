package dev.gotrace.cli.pprof;

import com.google.perftools.profiles.ProfileProto.Function;
import com.google.perftools.profiles.ProfileProto.Line;
import com.google.perftools.profiles.ProfileProto.Location;
import com.google.perftools.profiles.ProfileProto.Profile;
import com.google.perftools.profiles.ProfileProto.Sample;
import com.google.perftools.profiles.ProfileProto.ValueType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a pprof {@link Profile} as cmd/trace's BuildProfile does (internal/trace/traceviewer/pprof.go):
 * one Location per distinct PC (its first frame's function and line), one Function per distinct file
 * and function name, ids in first-use order, no mappings.
 */
final class PprofBuilder {
  private final Profile.Builder profile = Profile.newBuilder();
  private final Map<String, Long> strings = new HashMap<>();
  private final Map<Long, Long> locations = new HashMap<>();
  private final Map<String, Long> functions = new HashMap<>();

  PprofBuilder(List<String[]> sampleTypes, String periodType, String periodUnit, long period) {
    string(""); // string_table[0] must be ""
    for (String[] t : sampleTypes) profile.addSampleType(valueType(t[0], t[1]));
    profile.setPeriodType(valueType(periodType, periodUnit)).setPeriod(period);
  }

  /** Adds one sample of {@code values} at the stack {@code frames} (leaf first). */
  void add(List<StackFrames.Frame> frames, long[] values) {
    Sample.Builder sample = Sample.newBuilder();
    for (StackFrames.Frame f : frames) sample.addLocationId(location(f));
    for (long v : values) sample.addValue(v);
    profile.addSample(sample);
  }

  Profile build() {
    return profile.build();
  }

  private long location(StackFrames.Frame f) {
    Long id = locations.get(f.pc());
    if (id != null) return id;
    long newId = profile.getLocationCount() + 1;
    profile.addLocation(Location.newBuilder().setId(newId).setAddress(f.pc())
        .addLine(Line.newBuilder().setFunctionId(function(f)).setLine(f.line())));
    locations.put(f.pc(), newId);
    return newId;
  }

  private long function(StackFrames.Frame f) {
    String key = f.file() + f.function();
    Long id = functions.get(key);
    if (id != null) return id;
    long newId = profile.getFunctionCount() + 1;
    long name = string(f.function());
    profile.addFunction(Function.newBuilder().setId(newId).setName(name).setSystemName(name).setFilename(string(f.file())));
    functions.put(key, newId);
    return newId;
  }

  private ValueType valueType(String type, String unit) {
    return ValueType.newBuilder().setType(string(type)).setUnit(string(unit)).build();
  }

  private long string(String s) {
    return strings.computeIfAbsent(s, k -> {
      profile.addStringTable(k);
      return (long) profile.getStringTableCount() - 1;
    });
  }
}
