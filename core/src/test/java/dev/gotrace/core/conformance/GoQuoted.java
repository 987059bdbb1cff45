package dev.gotrace.core.conformance;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Go's {@code strconv.Unquote} for double-quoted strings, producing the raw bytes. */
final class GoQuoted {
  private GoQuoted() {}

  static byte[] unquote(String s) {
    if (s.length() < 2 || s.charAt(0) != '"' || s.charAt(s.length() - 1) != '"') {
      throw new IllegalArgumentException("not a quoted string: " + s);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String body = s.substring(1, s.length() - 1);
    for (int i = 0; i < body.length(); ) {
      char c = body.charAt(i);
      if (c != '\\') {
        int cp = body.codePointAt(i);
        out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(cp);
        continue;
      }
      char e = body.charAt(i + 1);
      i += 2;
      switch (e) {
        case 'a' -> out.write(7);
        case 'b' -> out.write('\b');
        case 'f' -> out.write('\f');
        case 'n' -> out.write('\n');
        case 'r' -> out.write('\r');
        case 't' -> out.write('\t');
        case 'v' -> out.write(11);
        case '\\', '"', '\'' -> out.write(e);
        case 'x' -> {
          out.write(Integer.parseInt(body.substring(i, i + 2), 16));
          i += 2;
        }
        case 'u', 'U' -> {
          int n = e == 'u' ? 4 : 8;
          int cp = Integer.parseInt(body.substring(i, i + n), 16);
          out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
          i += n;
        }
        default -> {
          // Octal \NNN.
          out.write(Integer.parseInt(body.substring(i - 1, i + 2), 8));
          i += 2;
        }
      }
    }
    return out.toByteArray();
  }
}
