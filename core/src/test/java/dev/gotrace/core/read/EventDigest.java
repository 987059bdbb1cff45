package dev.gotrace.core.read;

import dev.gotrace.core.event.StackTable;
import dev.gotrace.core.event.StringPool;
import dev.gotrace.core.event.TraceEvent;
import dev.gotrace.core.event.TraceSink;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Counts events and hashes their Go text ({@code Event.String()} plus newline) with SHA-256. */
public final class EventDigest implements TraceSink {
  private final GoEventFormatter formatter;
  private final MessageDigest sha;
  private long count;

  public EventDigest(StringPool strings, StackTable stacks) {
    this.formatter = new GoEventFormatter(strings, stacks);
    try {
      this.sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override public void onEvent(TraceEvent e) {
    count++;
    sha.update(formatter.format(e).getBytes(StandardCharsets.UTF_8));
  }

  public long count() { return count; }

  /** Hex digest of everything seen so far (ends the digest). */
  public String hex() { return HexFormat.of().formatHex(sha.digest()); }
}
