package dev.gotrace.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.apache.arrow.flight.CallHeaders;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.auth2.CallHeaderAuthenticator;

/** Admits calls whose {@code Authorization} header is {@code Bearer <token>} with the server's token. */
final class BearerTokenAuthenticator implements CallHeaderAuthenticator {
  private final byte[] expected;

  BearerTokenAuthenticator(String token) {
    if (token.isBlank()) throw new IllegalArgumentException("the token must not be empty");
    this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public AuthResult authenticate(CallHeaders headers) {
    String given = headers.get("authorization");
    // Constant time, so the comparison does not tell how much of a guess was right.
    if (given != null && MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) return () -> "token";
    throw CallStatus.UNAUTHENTICATED.withDescription("this server needs its bearer token (serve --token)").toRuntimeException();
  }
}
