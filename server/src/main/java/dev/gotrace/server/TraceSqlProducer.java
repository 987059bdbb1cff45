package dev.gotrace.server;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import dev.gotrace.jdbc.SharedTraces;
import io.grpc.Context;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.arrow.flight.BackpressureStrategy;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.CancelFlightInfoRequest;
import org.apache.arrow.flight.CancelStatus;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.PutResult;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.SchemaResult;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.flight.sql.BasicFlightSqlProducer;
import org.apache.arrow.flight.sql.FlightSqlProducer.Schemas;
import org.apache.arrow.flight.sql.SqlInfoBuilder;
import org.apache.arrow.flight.sql.impl.FlightSql;
import org.apache.arrow.flight.sql.impl.FlightSql.ActionClosePreparedStatementRequest;
import org.apache.arrow.flight.sql.impl.FlightSql.ActionCreatePreparedStatementRequest;
import org.apache.arrow.flight.sql.impl.FlightSql.ActionCreatePreparedStatementResult;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetCrossReference;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetDbSchemas;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetExportedKeys;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetImportedKeys;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetPrimaryKeys;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetSqlInfo;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetTables;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandPreparedStatementQuery;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandPreparedStatementUpdate;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementQuery;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementUpdate;
import org.apache.arrow.flight.sql.impl.FlightSql.TicketStatementQuery;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.Text;

/**
 * Flight SQL over the traces of one {@link SharedTraces}: each query runs on its own read-only
 * JDBC connection and streams its rows as Arrow batches of {@value #BATCH_ROWS} rows, waiting for
 * the client between batches. A query holds one of the {@link QuerySlots} while it runs; a client
 * that cancels the stream (or sends CancelFlightInfo) cancels the JDBC statement, which frees its
 * slot and its batch memory.
 */
final class TraceSqlProducer extends BasicFlightSqlProducer {
  static final int BATCH_ROWS = 65_536;

  private final SharedTraces traces;
  private final BufferAllocator allocator;
  private final QuerySlots slots;
  private final SqlInfoBuilder sqlInfo = ServerInfo.sqlInfo();
  /** Prepared statements by handle: their SQL and the parameter values last bound. */
  private final Map<ByteString, Prepared> prepared = new ConcurrentHashMap<>();
  /** Running queries by the ticket that started them, for CancelFlightInfo. */
  private final Map<ByteString, RunningQuery> running = new ConcurrentHashMap<>();

  private record Prepared(String sql, Schema dataset, Schema parameterSchema, List<Object> parameters) {}

  TraceSqlProducer(SharedTraces traces, BufferAllocator allocator, QuerySlots slots) {
    this.traces = traces;
    this.allocator = allocator;
    this.slots = slots;
  }

  @Override
  protected <T extends Message> List<FlightEndpoint> determineEndpoints(T request, FlightDescriptor descriptor,
      Schema schema) {
    return List.of(new FlightEndpoint(new Ticket(Any.pack(request).toByteArray())));
  }

  // Statements: the ticket carries the SQL, so no state is kept between GetFlightInfo and DoGet.

  @Override
  public FlightInfo getFlightInfoStatement(CommandStatementQuery command, CallContext context, FlightDescriptor descriptor) {
    TicketStatementQuery ticket = TicketStatementQuery.newBuilder()
        .setStatementHandle(ByteString.copyFromUtf8(command.getQuery())).build();
    return new FlightInfo(plan(command.getQuery()).dataset(), descriptor,
        List.of(new FlightEndpoint(new Ticket(Any.pack(ticket).toByteArray()))), -1, -1);
  }

  @Override
  public SchemaResult getSchemaStatement(CommandStatementQuery command, CallContext context, FlightDescriptor descriptor) {
    return new SchemaResult(plan(command.getQuery()).dataset());
  }

  @Override
  public void getStreamStatement(TicketStatementQuery ticket, CallContext context, ServerStreamListener listener) {
    run(ticket.getStatementHandle().toString(StandardCharsets.UTF_8), List.of(), ticket.getStatementHandle(), listener);
  }

  // Prepared statements (what JDBC clients use for every query).

  @Override
  public void createPreparedStatement(ActionCreatePreparedStatementRequest request, CallContext context,
      StreamListener<Result> listener) {
    try {
      Prepared p = plan(request.getQuery());
      ByteString handle = ByteString.copyFromUtf8(UUID.randomUUID().toString());
      prepared.put(handle, p);
      ActionCreatePreparedStatementResult result = ActionCreatePreparedStatementResult.newBuilder()
          .setPreparedStatementHandle(handle)
          .setDatasetSchema(ByteString.copyFrom(p.dataset().serializeAsMessage()))
          .setParameterSchema(ByteString.copyFrom(p.parameterSchema().serializeAsMessage()))
          .build();
      listener.onNext(new Result(Any.pack(result).toByteArray()));
      listener.onCompleted();
    } catch (RuntimeException e) {
      listener.onError(e);
    }
  }

  @Override
  public void closePreparedStatement(ActionClosePreparedStatementRequest request, CallContext context,
      StreamListener<Result> listener) {
    prepared.remove(request.getPreparedStatementHandle());
    listener.onCompleted();
  }

  @Override
  public FlightInfo getFlightInfoPreparedStatement(CommandPreparedStatementQuery command, CallContext context,
      FlightDescriptor descriptor) {
    return generateFlightInfo(command, descriptor, preparedFor(command.getPreparedStatementHandle()).dataset());
  }

  @Override
  public SchemaResult getSchemaPreparedStatement(CommandPreparedStatementQuery command, CallContext context,
      FlightDescriptor descriptor) {
    return new SchemaResult(preparedFor(command.getPreparedStatementHandle()).dataset());
  }

  @Override
  public void getStreamPreparedStatement(CommandPreparedStatementQuery command, CallContext context,
      ServerStreamListener listener) {
    Prepared p = preparedFor(command.getPreparedStatementHandle());
    run(p.sql(), p.parameters(), command.getPreparedStatementHandle(), listener);
  }

  /** Binds one row of parameter values to the prepared statement for its next execution. */
  @Override
  public Runnable acceptPutPreparedStatementQuery(CommandPreparedStatementQuery command, CallContext context,
      FlightStream stream, StreamListener<PutResult> ack) {
    return () -> {
      ByteString handle = command.getPreparedStatementHandle();
      Prepared p = preparedFor(handle);
      List<Object> values = new ArrayList<>();
      while (stream.next()) {
        VectorSchemaRoot root = stream.getRoot();
        if (root.getRowCount() != 1) {
          ack.onError(CallStatus.INVALID_ARGUMENT.withDescription("bind exactly one row of parameters, not "
              + root.getRowCount()).toRuntimeException());
          return;
        }
        values.clear();
        root.getFieldVectors().forEach(v -> values.add(v.getObject(0) instanceof Text t ? t.toString() : v.getObject(0)));
      }
      prepared.put(handle, new Prepared(p.sql(), p.dataset(), p.parameterSchema(), List.copyOf(values)));
      ack.onCompleted();
    };
  }

  @Override
  public Runnable acceptPutStatement(CommandStatementUpdate command, CallContext context, FlightStream stream,
      StreamListener<PutResult> ack) {
    throw readOnly();
  }

  @Override
  public Runnable acceptPutPreparedStatementUpdate(CommandPreparedStatementUpdate command, CallContext context,
      FlightStream stream, StreamListener<PutResult> ack) {
    throw readOnly();
  }

  @Override
  public void cancelFlightInfo(CancelFlightInfoRequest request, CallContext context, StreamListener<CancelStatus> listener) {
    CancelStatus status = CancelStatus.NOT_CANCELLABLE;
    for (FlightEndpoint endpoint : request.getInfo().getEndpoints()) {
      RunningQuery query = running.get(handleOf(endpoint.getTicket()));
      if (query != null) {
        query.cancel();
        status = CancelStatus.CANCELLED;
      }
    }
    listener.onNext(status);
    listener.onCompleted();
  }

  // Metadata.

  @Override
  public void getStreamSqlInfo(CommandGetSqlInfo command, CallContext context, ServerStreamListener listener) {
    sqlInfo.send(command.getInfoList(), listener);
  }

  @Override
  public void getStreamCatalogs(CallContext context, ServerStreamListener listener) {
    send(MetadataRoots.empty(Schemas.GET_CATALOGS_SCHEMA, allocator), listener);
  }

  @Override
  public void getStreamSchemas(CommandGetDbSchemas command, CallContext context, ServerStreamListener listener) {
    String pattern = command.hasDbSchemaFilterPattern() ? command.getDbSchemaFilterPattern() : null;
    send(MetadataRoots.schemas(traces.schemas(), pattern, allocator), listener);
  }

  @Override
  public void getStreamTables(CommandGetTables command, CallContext context, ServerStreamListener listener) {
    try (Connection c = traces.connect()) {
      send(MetadataRoots.tables(c.getMetaData(), traces.schemas(), command, allocator), listener);
    } catch (SQLException e) {
      listener.error(FlightErrors.of(e));
    }
  }

  @Override
  public void getStreamTableTypes(CallContext context, ServerStreamListener listener) {
    send(MetadataRoots.tableTypes(allocator), listener);
  }

  @Override
  public void getStreamPrimaryKeys(CommandGetPrimaryKeys command, CallContext context, ServerStreamListener listener) {
    send(MetadataRoots.empty(Schemas.GET_PRIMARY_KEYS_SCHEMA, allocator), listener);
  }

  @Override
  public void getStreamImportedKeys(CommandGetImportedKeys command, CallContext context, ServerStreamListener listener) {
    send(MetadataRoots.empty(Schemas.GET_IMPORTED_KEYS_SCHEMA, allocator), listener);
  }

  @Override
  public void getStreamExportedKeys(CommandGetExportedKeys command, CallContext context, ServerStreamListener listener) {
    send(MetadataRoots.empty(Schemas.GET_EXPORTED_KEYS_SCHEMA, allocator), listener);
  }

  @Override
  public void getStreamCrossReference(CommandGetCrossReference command, CallContext context,
      ServerStreamListener listener) {
    send(MetadataRoots.empty(Schemas.GET_CROSS_REFERENCE_SCHEMA, allocator), listener);
  }

  /** Queries running now. */
  int runningQueries() {
    return slots.running();
  }

  /** Plans {@code sql} (validating it): the Arrow schemas of its result and of its parameters. */
  private Prepared plan(String sql) {
    try (Connection c = traces.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
      return new Prepared(sql, ArrowTypes.schema(ps.getMetaData()), ArrowTypes.parameters(ps.getParameterMetaData()),
          List.of());
    } catch (SQLException e) {
      throw FlightErrors.of(e);
    }
  }

  /** Runs {@code sql} with {@code parameters} and streams its rows, holding a query slot meanwhile. */
  private void run(String sql, List<Object> parameters, ByteString handle, ServerStreamListener listener) {
    try {
      slots.acquire();
    } catch (RuntimeException e) {
      listener.error(e);
      return;
    }
    RunningQuery query = new RunningQuery();
    running.put(handle, query);
    // gRPC runs a call's cancel handler only after getStream returns, but cancels the call's
    // Context at once: that is what stops a query whose client went away or cancelled.
    Context call = Context.current();
    Context.CancellationListener gone = context -> query.cancel();
    call.addListener(gone, Runnable::run);
    try (Connection c = traces.connect(); PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) statement.setObject(i + 1, parameters.get(i));
      // An execution clears the statement's cancel flag, so a cancel during planning is checked here.
      if (query.attach(statement)) {
        stream(statement, listener);
      } else {
        listener.error(CallStatus.CANCELLED.withDescription("query cancelled").toRuntimeException());
      }
    } catch (SQLException e) {
      listener.error(FlightErrors.of(e));
    } finally {
      call.removeListener(gone);
      running.remove(handle);
      slots.release();
    }
  }

  private void stream(PreparedStatement statement, ServerStreamListener listener) throws SQLException {
    try (ResultSet rows = statement.executeQuery();
        BufferAllocator query = allocator.newChildAllocator("query", 0, Long.MAX_VALUE);
        VectorSchemaRoot root = VectorSchemaRoot.create(ArrowTypes.schema(rows.getMetaData()), query)) {
      BackpressureStrategy backpressure = new BackpressureStrategy.CallbackBackpressureStrategy();
      backpressure.register(listener);
      listener.start(root);
      ResultBatches batches = new ResultBatches(rows, root);
      while (batches.fill(BATCH_ROWS) > 0) {
        // The next batch is computed only once the client has taken this one.
        BackpressureStrategy.WaitResult ready;
        do {
          ready = backpressure.waitForListener(1_000);
        } while (ready == BackpressureStrategy.WaitResult.TIMEOUT);
        if (ready != BackpressureStrategy.WaitResult.READY) {
          cancel(statement);
          return;
        }
        listener.putNext();
      }
      listener.completed();
    }
  }

  private Prepared preparedFor(ByteString handle) {
    Prepared p = prepared.get(handle);
    if (p == null) {
      throw CallStatus.NOT_FOUND.withDescription("no such prepared statement (closed, or from a restarted server)")
          .toRuntimeException();
    }
    return p;
  }

  /** The statement handle a DoGet ticket carries, as {@link #run} registers it. */
  private static ByteString handleOf(Ticket ticket) {
    try {
      Any any = Any.parseFrom(ticket.getBytes());
      if (any.is(TicketStatementQuery.class)) return any.unpack(TicketStatementQuery.class).getStatementHandle();
      if (any.is(CommandPreparedStatementQuery.class)) {
        return any.unpack(CommandPreparedStatementQuery.class).getPreparedStatementHandle();
      }
      return ByteString.EMPTY;
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      return ByteString.EMPTY;
    }
  }

  private void send(VectorSchemaRoot root, ServerStreamListener listener) {
    try (root) {
      listener.start(root);
      listener.putNext();
      listener.completed();
    }
  }

  /** A query a client may cancel at any time, before or after its statement exists. */
  private static final class RunningQuery {
    private volatile boolean cancelled;
    private volatile Statement statement;

    void cancel() {
      cancelled = true;
      Statement s = statement;
      if (s != null) TraceSqlProducer.cancel(s);
    }

    /** Attaches the statement about to run; false if the query was cancelled already. */
    boolean attach(Statement s) {
      statement = s;
      return !cancelled;
    }
  }

  private static void cancel(Statement statement) {
    try {
      statement.cancel();
    } catch (SQLException e) {
      // Already closed: the query has ended anyway.
    }
  }

  private static RuntimeException readOnly() {
    return CallStatus.UNIMPLEMENTED.withDescription("the server is read-only: updates are not supported").toRuntimeException();
  }
}
