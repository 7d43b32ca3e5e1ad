package hotline.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** {@link NodeVersions} over the store's pool: one upsert per publish, the same SQL on SQLite and PostgreSQL. */
final class JdbcNodeVersions implements NodeVersions {

    private static final Pattern NODE = Pattern.compile("[A-Za-z0-9._-]{1,80}");
    private static final Pattern VERSION = Pattern.compile("[0-9]{1,9}-[0-9a-f]{8}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{8}");
    private static final Pattern BUILD = Pattern.compile("[\\x21-\\x7e]{1,80}");

    private final Sql sql;

    JdbcNodeVersions(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void publish(String node, String version, String scriptHash, String build, Instant startedAt, Instant at) {
        Fields.check(node != null && NODE.matcher(node).matches(), "node: '" + Fields.shown(node, 80)
                + "' is not a node name (letters, digits, '.', '_', '-'; at most 80)");
        Fields.check(version != null && VERSION.matcher(version).matches(), "script-version: '"
                + Fields.shown(version, 40) + "' is not <n>-<8 hex digits>");
        Fields.check(scriptHash != null && HASH.matcher(scriptHash).matches(), "script-hash: '"
                + Fields.shown(scriptHash, 16) + "' is not 8 hex digits");
        Fields.check(build != null && BUILD.matcher(build).matches(), "build: '" + Fields.shown(build, 80)
                + "' is not 1 to 80 printable characters");
        sql.transaction("publish the script version of node " + node, c -> Sql.update(c, "INSERT INTO node_versions "
                + "(node, script_version, script_hash, build, started_at, seen_at) VALUES (?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (node) DO UPDATE SET script_version = excluded.script_version, "
                + "script_hash = excluded.script_hash, build = excluded.build, "
                + "started_at = excluded.started_at, seen_at = excluded.seen_at",
                node, version, scriptHash, build, startedAt.toEpochMilli(), at.toEpochMilli()));
    }

    @Override
    public List<NodeVersion> nodes(Instant forgetBefore) {
        return sql.transaction("list the nodes' script versions", c -> {
            Sql.update(c, "DELETE FROM node_versions WHERE seen_at < ?", forgetBefore.toEpochMilli());
            return Sql.query(c, "SELECT node, script_version, script_hash, build, started_at, seen_at "
                    + "FROM node_versions ORDER BY node",
                    JdbcNodeVersions::row).stream().filter(Objects::nonNull).toList();
        });
    }

    /** A row read back is untrusted: one that this program would not have written is left out. */
    private static NodeVersion row(ResultSet rs) throws SQLException {
        String node = rs.getString(1), version = rs.getString(2), hash = rs.getString(3), build = rs.getString(4);
        if (!matches(NODE, node) || !matches(VERSION, version) || !matches(HASH, hash) || !matches(BUILD, build)) return null;
        return new NodeVersion(node, version, hash, build, Instant.ofEpochMilli(rs.getLong(5)), Instant.ofEpochMilli(rs.getLong(6)));
    }

    private static boolean matches(Pattern pattern, String value) {
        return value != null && pattern.matcher(value).matches();
    }
}
