package dev.gotrace.cli.pprof;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.perftools.profiles.ProfileProto.Function;
import com.google.perftools.profiles.ProfileProto.Location;
import com.google.perftools.profiles.ProfileProto.Profile;
import com.google.perftools.profiles.ProfileProto.Sample;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Reading our pprof files back in tests, with the generated protobuf classes. */
public final class PprofFiles {
  private PprofFiles() {}

  /** {@code profile} written as a file and parsed again. */
  static Profile roundTrip(Profile profile) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PprofWriter.write(profile, bytes);
    return read(new ByteArrayInputStream(bytes.toByteArray()));
  }

  /** A gzipped profile. */
  public static Profile read(InputStream gzipped) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(gzipped)) {
      return Profile.parseFrom(in);
    }
  }

  /**
   * The sample's locations as "function file:line", leaf first; with {@code trimZeroPcs}, without
   * trailing PC-0 locations, which cmd/trace's record key ignores (as PprofRawGolden drops them).
   */
  public static List<String> frames(Profile p, Sample s, boolean trimZeroPcs) {
    Map<Long, Location> locations = new HashMap<>();
    for (Location l : p.getLocationList()) locations.put(l.getId(), l);
    Map<Long, Function> functions = new HashMap<>();
    for (Function f : p.getFunctionList()) functions.put(f.getId(), f);
    List<Location> stack = new ArrayList<>();
    for (long id : s.getLocationIdList()) stack.add(locations.get(id));
    int n = stack.size();
    while (trimZeroPcs && n > 0 && stack.get(n - 1).getAddress() == 0) n--;
    List<String> frames = new ArrayList<>();
    for (Location l : stack.subList(0, n)) {
      assertEquals(1, l.getLineCount(), "one line per location, as cmd/trace writes them");
      Function f = functions.get(l.getLine(0).getFunctionId());
      frames.add(p.getStringTable((int) f.getName()) + " " + p.getStringTable((int) f.getFilename()) + ":"
          + l.getLine(0).getLine());
    }
    return frames;
  }
}
