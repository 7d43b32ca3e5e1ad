package hotline.store;

import java.time.Instant;
import java.util.List;

/**
 * Which script version each node runs, in the store every node shares (V8__node_versions.sql), so
 * ops see a node left out of a reload. Throws {@link StoreException} when the database fails and
 * {@link IllegalArgumentException} for a field out of bounds.
 */
public interface NodeVersions {

    /**
     * {@code node} (dialler.node) runs script {@code version} ({@code <n>-<8 hex>} of its config
     * file) whose per-call script hashes to {@code scriptHash} (8 hex), on {@code build}; seen at {@code at}.
     */
    void publish(String node, String version, String scriptHash, String build, Instant startedAt, Instant at);

    /**
     * Every node's row, by node name; rows not seen since {@code forgetBefore} are deleted first.
     * A row that is not as this program writes it (another program, an old bug) is left out.
     */
    List<NodeVersion> nodes(Instant forgetBefore);

    /** One node's row. */
    record NodeVersion(String node, String version, String scriptHash, String build, Instant startedAt, Instant seenAt) {

        /** Seen within {@code lease} before {@code now}: the node is running. */
        public boolean liveAt(Instant now, java.time.Duration lease) {
            return seenAt.isAfter(now.minus(lease));
        }
    }
}
