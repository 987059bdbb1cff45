package dev.gotrace.server;

import dev.gotrace.jdbc.SharedTraces;
import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.Location;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * An Arrow Flight SQL server over traces ({@code bin/gotrace-sql serve}). It listens on loopback
 * unless told otherwise, and any other address needs a bearer token, since the traces may show a
 * program's internals. Every query is read-only and at most {@code maxQueries} run at once.
 */
public final class TraceFlightServer implements AutoCloseable {
  private final SharedTraces traces;
  private final BufferAllocator allocator;
  private final TraceSqlProducer producer;
  private final FlightServer server;

  private TraceFlightServer(SharedTraces traces, BufferAllocator allocator, TraceSqlProducer producer,
      FlightServer server) {
    this.traces = traces;
    this.allocator = allocator;
    this.producer = producer;
    this.server = server;
  }

  /**
   * Starts serving {@code traces}, which the server then owns and closes.
   *
   * @param port the TCP port, or 0 for a free one
   * @param token the bearer token clients must send, or null for none (loopback only)
   * @throws IllegalArgumentException if {@code host} is not a loopback address and there is no token
   * @throws IOException if the address cannot be bound
   */
  public static TraceFlightServer start(SharedTraces traces, String host, int port, String token, int maxQueries)
      throws IOException {
    InetAddress address = InetAddress.getByName(host);
    if (!address.isLoopbackAddress() && token == null) {
      throw new IllegalArgumentException("serving on " + host + " (not a loopback address) needs --token, so that"
          + " only clients with the token can read the traces");
    }
    BufferAllocator allocator = new RootAllocator();
    try {
      TraceSqlProducer producer = new TraceSqlProducer(traces, allocator, new QuerySlots(maxQueries));
      FlightServer.Builder builder = FlightServer.builder(allocator, Location.forGrpcInsecure(host, port), producer);
      if (token != null) builder.headerAuthenticator(new BearerTokenAuthenticator(token));
      FlightServer server = builder.build().start();
      return new TraceFlightServer(traces, allocator, producer, server);
    } catch (IOException | RuntimeException e) {
      allocator.close();
      throw e;
    }
  }

  /** The port the server listens on. */
  public int port() {
    return server.getPort();
  }

  /** Queries running now. */
  public int runningQueries() {
    return producer.runningQueries();
  }

  /** Arrow memory held by running queries' batches and metadata answers, in bytes. */
  public long allocatedBytes() {
    return allocator.getAllocatedMemory();
  }

  /** Blocks until the server is shut down. */
  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }

  /** Stops accepting calls, waits up to 10 s for running ones, then frees the traces. */
  @Override
  public void close() throws InterruptedException {
    server.shutdown();
    if (!server.awaitTermination(10, TimeUnit.SECONDS)) server.close();
    traces.close();
    allocator.close();
  }
}
