package hotline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hotline.config.Store;
import hotline.store.NodeVersions.NodeVersion;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node_versions table (V8): one row per node, the latest publish wins, old rows and foreign rows left out. */
class NodeVersionsTest {

    static final Instant NINE_AM = Instant.parse("2026-11-24T09:00:00Z");

    @TempDir
    Path dir;

    private CallbackStore open() {
        return CallbackStore.open(Store.at("jdbc:sqlite:" + dir.resolve("hotline.db")), new TestClock(NINE_AM));
    }

    @Test
    void eachNodeHasOneRowWithItsLatestVersion() {
        try (var store = open()) {
            store.nodes().publish("lab-a", "1-0bac281d", "5c5c5c5c", "0.1.0", NINE_AM, NINE_AM);
            store.nodes().publish("lab-b", "1-0bac281d", "5c5c5c5c", "0.1.0", NINE_AM, NINE_AM.plusSeconds(1));
            store.nodes().publish("lab-a", "2-1f2e3d4c", "5c5c5c5c", "0.1.0", NINE_AM, NINE_AM.plusSeconds(10));

            assertThat(store.nodes().nodes(NINE_AM.minus(Duration.ofDays(1)))).containsExactly(
                    new NodeVersion("lab-a", "2-1f2e3d4c", "5c5c5c5c", "0.1.0", NINE_AM, NINE_AM.plusSeconds(10)),
                    new NodeVersion("lab-b", "1-0bac281d", "5c5c5c5c", "0.1.0", NINE_AM, NINE_AM.plusSeconds(1)));
            
        }
    }

    @Test
    void aNodeNotSeenSinceTheCutOffIsDeleted() {
        try (var store = open()) {
            store.nodes().publish("old-node", "1-0bac281d", "5c5c5c5c", "0.1.0", NINE_AM, NINE_AM);
            store.nodes().publish("lab-a", "1-0bac281d", "5c5c5c5c", "0.1.0", NINE_AM, NINE_AM.plus(Duration.ofDays(2)));

            assertThat(store.nodes().nodes(NINE_AM.plus(Duration.ofDays(1)))).extracting(NodeVersion::node)
                    .containsExactly("lab-a");
            assertThat(store.nodes().nodes(NINE_AM)).extracting(NodeVersion::node).as("deleted, not hidden")
                    .containsExactly("lab-a");
        }
    }

    @Test
    void fieldsOutOfBoundsAreRefusedAndARowNotAsWeWriteItIsLeftOut() throws Exception {
        try (var store = open()) {
            assertThatThrownBy(() -> store.nodes().publish("lab\r\na", "1-0bac281d", "5c5c5c5c", "x", NINE_AM, NINE_AM))
                    .hasMessageStartingWith("node:");
            assertThatThrownBy(() -> store.nodes().publish("lab-a", "1-0bac281d; DROP", "5c5c5c5c", "x", NINE_AM, NINE_AM))
                    .hasMessageStartingWith("script-version:");
            assertThatThrownBy(() -> store.nodes().publish("lab-a", "1-0bac281d", "5c5c5c5c", "a b", NINE_AM, NINE_AM))
                    .hasMessageStartingWith("build:");
            assertThatThrownBy(() -> store.nodes().publish("lab-a", "1-0bac281d", "5C5C", "x", NINE_AM, NINE_AM))
                    .hasMessageStartingWith("script-hash:");
            try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("hotline.db"))) {
                c.createStatement().execute("INSERT INTO node_versions VALUES ('evil\u001b[2J', '1-0bac281d', '5c5c5c5c', 'x', 0, "
                        + NINE_AM.toEpochMilli() + ")");
            }
            store.nodes().publish("lab-a", "1-0bac281d", "5c5c5c5c", "0.1.0", NINE_AM, NINE_AM);

            assertThat(store.nodes().nodes(NINE_AM.minusSeconds(60))).extracting(NodeVersion::node).containsExactly("lab-a");
        }
    }
}
