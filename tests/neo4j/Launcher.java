// A Neo4j 5 community server for lokgraph's tests, in this process (neo4j-harness).
//
//   mvn -q -f tests/neo4j/pom.xml dependency:copy-dependencies
//   LOKGRAPH_NEO4J_PASSWORD=... java -cp 'tests/neo4j/target/dependency/*' \
//       tests/neo4j/Launcher.java WORKDIR
//
// Bolt listens on a free loopback port; authentication is on, and the user neo4j gets the
// password from LOKGRAPH_NEO4J_PASSWORD (never an argument, so `ps` does not show it). HTTP is
// off. When the server is ready, one line "bolt://127.0.0.1:PORT" goes to stdout. It stops
// when stdin closes or on SIGTERM (the JVM's shutdown hook closes the database).
// Single-file source launch: no build step.

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

public class Launcher {
    public static void main(String[] args) throws Exception {
        String password = System.getenv("LOKGRAPH_NEO4J_PASSWORD");
        if (password == null || password.length() < 8) {
            System.err.println("set LOKGRAPH_NEO4J_PASSWORD (8 characters or more)");
            System.exit(2);
        }
        Path workDir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("lokgraph-neo4j");
        Neo4j neo4j = Neo4jBuilders.newInProcessBuilder(workDir)
                .withDisabledServer()
                .withConfig(HttpConnector.enabled, false)
                .withConfig(BoltConnector.enabled, true)
                .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
                .withConfig(GraphDatabaseSettings.auth_enabled, true)
                .withConfig(GraphDatabaseSettings.pagecache_memory, 128L * 1024 * 1024)
                .withConfig(GraphDatabaseSettings.udc_enabled, false)
                .build();
        AtomicBoolean closed = new AtomicBoolean();
        Runnable stop = () -> {
            if (closed.compareAndSet(false, true)) {
                neo4j.close();
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(stop));
        neo4j.databaseManagementService()
                .database("system")
                .executeTransactionally(
                        "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                        Map.of("password", password));
        int port = neo4j.boltURI().getPort();
        System.out.println("bolt://127.0.0.1:" + port);
        System.out.flush();
        InputStream in = System.in;
        while (in.read() != -1) {
            // anything written to stdin is ignored; its end stops the server
        }
        stop.run();
        System.exit(0);
    }
}
