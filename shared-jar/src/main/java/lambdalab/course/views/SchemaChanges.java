package lambdalab.course.views;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Schema statements (CREATE, ALTER, DROP) sent so that several Cassandra nodes cannot disagree for good.
 *
 * <p>Cassandra 5.0 gives every table an id chosen by the node that runs the CREATE. Two nodes that
 * each run {@code CREATE TABLE IF NOT EXISTS} for a table the other has not told them of yet create
 * two tables with one name and two ids: their schema versions then never agree, and the driver's
 * metadata may never show the table (the cluster profile's speed layer failed on that after a node
 * restart). Every schema statement of the lab therefore goes to one node, the same for every process:
 * the lowest address among the nodes up. The other nodes take the change from it.
 */
public final class SchemaChanges {

    private static final Duration AGREEMENT_POLL = Duration.ofMillis(250);

    private SchemaChanges() {
    }

    /**
     * Runs a statement on the lab's schema node (see the class comment), with DDL's long timeout: a
     * schema change, or a read of what that node knows of the schema.
     */
    public static ResultSet execute(CqlSession session, String statement) {
        return session.execute(SimpleStatement.newInstance(statement).setNode(schemaNode(session).orElse(null))
                .setTimeout(LambdaSchema.SCHEMA_TIMEOUT));
    }

    /**
     * The node every schema statement goes to: the lowest address among the nodes the driver sees
     * up; empty when it sees none up yet (the driver then picks one, as for any statement).
     */
    public static Optional<Node> schemaNode(CqlSession session) {
        return session.getMetadata().getNodes().values().stream()
                .filter(node -> node.getState() == NodeState.UP)
                .min(Comparator.comparing(node -> node.getEndPoint().toString()));
    }

    /**
     * Waits until every node up has the same schema version; throws, naming each node's version,
     * when they still differ after {@code timeout}.
     */
    public static void awaitAgreement(CqlSession session, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!session.checkSchemaAgreement()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Cassandra's nodes still disagree on the schema after "
                        + timeout.toSeconds() + " s: " + versionsByNode(session)
                        + ". A node that missed a schema change normally fetches it within seconds; restart the node"
                        + " whose version differs (see troubleshooting.md#schema-disagreement).");
            }
            sleep(AGREEMENT_POLL);
        }
    }

    /** Each node's schema version, as the schema node knows them. */
    static Map<String, String> versionsByNode(CqlSession session) {
        Map<String, String> versions = new TreeMap<>();
        Row local = execute(session, "SELECT broadcast_address, schema_version FROM system.local").one();
        if (local != null) {
            versions.put(String.valueOf(local.getInetAddress("broadcast_address")),
                    String.valueOf(local.getUuid("schema_version")));
        }
        for (Row peer : execute(session, "SELECT peer, schema_version FROM system.peers")) {
            versions.put(String.valueOf(peer.getInetAddress("peer")), String.valueOf(peer.getUuid("schema_version")));
        }
        return versions;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Cassandra's schema agreement", e);
        }
    }
}
