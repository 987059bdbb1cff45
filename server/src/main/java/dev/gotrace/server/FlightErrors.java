package dev.gotrace.server;

import java.sql.SQLException;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightRuntimeException;

/** The Flight status of an SQL error, chosen by its SQLState class; the driver's one-line message is kept. */
final class FlightErrors {
  private FlightErrors() {}

  static FlightRuntimeException of(SQLException e) {
    String state = e.getSQLState() == null ? "HY000" : e.getSQLState();
    CallStatus status = switch (state.substring(0, 2)) {
      case "42", "22" -> CallStatus.INVALID_ARGUMENT;
      case "0A" -> CallStatus.UNIMPLEMENTED;
      case "53" -> CallStatus.RESOURCE_EXHAUSTED;
      case "HY" -> state.equals("HY008") ? CallStatus.CANCELLED : CallStatus.INTERNAL;
      default -> CallStatus.INTERNAL;
    };
    return status.withDescription(e.getMessage() + " (SQLState " + state + ")").withCause(e).toRuntimeException();
  }
}
