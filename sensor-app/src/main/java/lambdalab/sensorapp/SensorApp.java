package lambdalab.sensorapp;

import com.datastax.oss.driver.api.core.DriverException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: routes, the dashboard's static files, JSON errors for everything that goes wrong,
 * and Jetty's graceful stop. Built from its parts (the writer, the dashboard's data) so a test can
 * run it with in-memory ones.
 *
 * <p>Routes: {@code POST /readings}, {@code GET /health}, {@code GET /api/stats},
 * {@code GET /api/bucket-rollups?minutes=N}, {@code GET /api/sensor-rollups}, {@code GET /api/freshness},
 * and the dashboard at {@code /} (ECharts from its webjar, {@code /webjars/echarts/5.3.1/dist/echarts.min.js}).
 */
public final class SensorApp {

    /** How long a stop waits for requests in progress (each ends within its writes' timeouts). */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(SensorApp.class);

    private SensorApp() {
    }

    /** The server, not started: {@code start()} it; {@code stop()} drains requests in progress first. */
    public static Javalin create(ServerOptions options, DoubleWriter writer, DashboardData dashboard, AppStats stats,
                                 Clock clock) {
        ReadingsEndpoint readings = new ReadingsEndpoint(new ReadingsParser(clock, options.maxFutureSeconds()), writer,
                stats, options.allowDrills());
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = options.host();
            config.jetty.port = options.port();
            config.http.maxRequestSize = ReadingsEndpoint.MAX_BODY_BYTES;
            config.jetty.modifyServer(server -> {
                // Javalin puts its handler inside this one: the stop then waits for requests in progress
                server.setHandler(new GracefulHandler());
                server.setStopTimeout(STOP_TIMEOUT.toMillis());
            });
            config.staticFiles.enableWebjars();
            config.staticFiles.add("/dashboard", Location.CLASSPATH);

            config.routes.post("/readings", readings);
            config.routes.get("/health", ctx -> health(ctx, writer));
            config.routes.get("/api/stats", ctx -> Json.send(ctx, 200, stats.snapshot(writer::inFlight)));
            config.routes.get("/api/bucket-rollups", ctx -> Json.send(ctx, 200,
                    dashboard.bucketRollups(minutes(ctx))));
            config.routes.get("/api/sensor-rollups", ctx -> Json.send(ctx, 200, dashboard.sensorRollups()));
            config.routes.get("/api/freshness", ctx -> Json.send(ctx, 200, dashboard.freshness()));

            config.routes.exception(BadParameter.class, (e, ctx) -> Json.send(ctx, 400, Json.error(e.getMessage(),
                    null)));
            config.routes.exception(DriverException.class, (e, ctx) -> {
                LOG.warn("{} {}: Cassandra read failed: {}", ctx.method(), ctx.path(), e.toString());
                Json.send(ctx, 503, Json.error("Cassandra did not answer (" + e.getClass().getSimpleName()
                        + "); the dashboard retries by itself; check `lab status` if it lasts", null));
            });
            config.routes.exception(HttpResponseException.class, (e, ctx) -> Json.send(ctx, e.getStatus(),
                    Json.error(e.getMessage(), null)));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                Json.send(ctx, 500, Json.error("internal error (" + e.getClass().getSimpleName()
                        + "); the server's log has the details", null));
            });
            config.routes.error(404, ctx -> Json.send(ctx, 404, Json.error("no such resource: " + ctx.method() + " "
                    + ctx.path() + "; the server has POST /readings, GET /health, /api/stats, /api/bucket-rollups, "
                    + "/api/sensor-rollups, /api/freshness and the dashboard at /", null)));
            config.routes.error(405, ctx -> Json.send(ctx, 405, Json.error("method " + ctx.method()
                    + " not allowed on " + ctx.path(), null)));
        });
    }

    /** Readiness for the lab's supervisor: 200 while serving, with each store's state (cheap, in memory). */
    private static void health(Context ctx, DoubleWriter writer) {
        String kafka = writer.speed().status();
        String cassandra = writer.records().status();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "up".equals(kafka) && "up".equals(cassandra) ? "ok" : "degraded");
        body.put("kafka", kafka);
        body.put("cassandra", cassandra);
        Json.send(ctx, 200, body);
    }

    private static int minutes(Context ctx) throws BadParameter {
        String text = ctx.queryParam("minutes");
        if (text == null) {
            return 3;
        }
        try {
            int minutes = Integer.parseInt(text);
            if (minutes >= 1 && minutes <= DashboardQueries.MAX_MINUTES) {
                return minutes;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadParameter("minutes must be a whole number from 1 to " + DashboardQueries.MAX_MINUTES);
    }

    /** A query parameter the client must fix: a 400. */
    static final class BadParameter extends Exception {
        BadParameter(String message) {
            super(message);
        }
    }
}
