package hotline.store;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Who holds a DIALLING callback: a dialler node (unique per server, {@code dialler.node}) and a
 * token new for every process. A row held by the same node under another token was left by an
 * earlier process of this server (SIGKILL, a crash) and is put back in line at start.
 *
 * @param node  the node's name: letters, digits, {@code . _ -}, at most 80
 * @param token this process's token
 */
public record Claimant(String node, String token) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,80}");

    public Claimant {
        Fields.check(node != null && NAME.matcher(node).matches(), "node: '" + Fields.shown(node)
                + "' is not a node name (letters, digits, . _ -, at most 80)");
        Fields.check(token != null && NAME.matcher(token).matches(), "token: not a token");
    }

    /** This process on {@code node}: a fresh token. */
    public static Claimant of(String node) {
        return new Claimant(node, UUID.randomUUID().toString().substring(0, 8));
    }

    /** The value kept in {@code claimed_by}. */
    public String id() {
        return node + "/" + token;
    }
}
