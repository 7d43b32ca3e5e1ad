package hotline.store;

import hotline.config.Store;
import hotline.files.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** What differs between SQLite and PostgreSQL: connecting durably, the id column and copying ids (V3). */
sealed interface Dialect {

    /** A connection source whose commits are durable when commit() returns. */
    DataSource dataSource(Store config);

    /** Flyway placeholders for the migrations in db/migration. */
    Map<String, String> placeholders();

    /** Fails, or warns, when the database would not keep a committed row. */
    void checkDurable(Connection c, String url) throws SQLException;

    /** Within a transaction: no other save for this number runs until it ends. */
    void lockNumber(Connection c, String digits) throws SQLException;

    /** Within a transaction: no other node claims a callback of this queue until it ends. */
    void lockClaims(Connection c, String queue) throws SQLException;

    /** Within a transaction: no other node counts a callback request until it ends (the per-caller limit). */
    void lockRequests(Connection c) throws SQLException;

    static Dialect of(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:") ? new Postgres() : new Sqlite();
    }

    /**
     * One file, one node. WAL lets readers run beside the writer; synchronous=FULL syncs
     * the WAL on every commit, so a committed callback survives a power cut, not only a crash.
     */
    record Sqlite() implements Dialect {

        private static final Logger log = LoggerFactory.getLogger(Sqlite.class);

        @Override
        public DataSource dataSource(Store config) {
            createFolder(config.jdbcUrl());
            var sqlite = new SQLiteConfig();
            sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
            sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            // a writer waits this long for the lock (store.timeout), then the save fails and is spooled
            sqlite.setBusyTimeout((int) config.timeout().toMillis());
            // BEGIN IMMEDIATE: a transaction takes the write lock up front, so two writers
            // queue on busy_timeout instead of failing on a lock upgrade
            sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            var ds = new SQLiteDataSource(sqlite);
            ds.setUrl(config.jdbcUrl());
            return ds;
        }

        @Override
        public Map<String, String> placeholders() {
            // V3: copied ids raise AUTOINCREMENT's counter (sqlite_sequence) by themselves
            return Map.of("id_column", "INTEGER PRIMARY KEY AUTOINCREMENT", "copy_ids", "", "restart_ids", "");
        }

        @Override
        public void checkDurable(Connection c, String url) throws SQLException {
            try (var st = c.createStatement()) {
                int synchronous = st.executeQuery("PRAGMA synchronous").getInt(1);
                String journal = st.executeQuery("PRAGMA journal_mode").getString(1);
                if (synchronous < 2) {
                    throw new StoreException(url + ": SQLite synchronous=" + synchronous + ", FULL (2) needed");
                }
                if (!"wal".equalsIgnoreCase(journal)) {
                    log.warn("{}: journal_mode is {}, not wal (the file system refused it?): still durable, "
                            + "but readers wait for writers", url, journal);
                }
            }
        }

        @Override
        public void lockNumber(Connection c, String digits) {
            // BEGIN IMMEDIATE already holds the database's one write lock
        }

        @Override
        public void lockClaims(Connection c, String queue) {
            // the same: one writer at a time
        }

        @Override
        public void lockRequests(Connection c) {
            // the same
        }

        /**
         * jdbc:sqlite:data/hotline.db needs data/ to exist; a new database file is created 0600
         * before SQLite opens it (SQLite gives its -wal and -shm files the database file's mode).
         */
        private static void createFolder(String jdbcUrl) {
            String file = jdbcUrl.substring("jdbc:sqlite:".length());
            file = file.startsWith("file:") ? file.substring("file:".length()) : file;
            int query = file.indexOf('?');
            file = query >= 0 ? file.substring(0, query) : file;
            if (file.isEmpty()) return;
            Path db = Path.of(file).toAbsolutePath();
            try {
                if (db.getParent() != null) Files.createDirectories(db.getParent());
                PrivateFiles.create(db);
            } catch (IOException e) {
                throw new StoreException("cannot create " + jdbcUrl + ": " + e.getMessage(), e);
            }
        }
    }

    /** Several nodes share one database; commits wait for the WAL flush (synchronous_commit). */
    record Postgres() implements Dialect {

        @Override
        public void lockNumber(Connection c, String digits) throws SQLException {
            try (var st = c.prepareStatement("SELECT pg_advisory_xact_lock(7001, hashtext(?))")) {
                st.setString(1, digits);
                st.executeQuery().close();
            }
        }

        @Override
        public void lockClaims(Connection c, String queue) throws SQLException {
            try (var st = c.prepareStatement("SELECT pg_advisory_xact_lock(7002, hashtext(?))")) {
                st.setString(1, queue);
                st.executeQuery().close();
            }
        }

        @Override
        public void lockRequests(Connection c) throws SQLException {
            try (var st = c.prepareStatement("SELECT pg_advisory_xact_lock(7003, 0)")) {
                st.executeQuery().close();
            }
        }

        @Override
        public DataSource dataSource(Store config) {
            var ds = new PGSimpleDataSource();
            ds.setURL(config.jdbcUrl());
            if (!config.user().isEmpty()) ds.setUser(config.user());
            if (!config.password().isEmpty()) ds.setPassword(config.password());
            ds.setApplicationName("hotline-ivr");
            // store.timeout bounds every step: the server cancels a statement after statement_timeout,
            // and a black-holed server is given up after socketTimeout (a second more, so the server's
            // own cancel wins when it can); connect and log-in likewise
            int seconds = (int) Math.max(1, (config.timeout().toMillis() + 999) / 1000);
            ds.setConnectTimeout(seconds);
            ds.setLoginTimeout(seconds);
            ds.setSocketTimeout(seconds + 1);
            ds.setOptions("-c statement_timeout=" + config.timeout().toMillis()
                    + " -c lock_timeout=" + config.timeout().toMillis());
            return ds;
        }

        @Override
        public Map<String, String> placeholders() {
            // V3: an ALWAYS identity takes copied ids only when told to, and its next value is set after them
            return Map.of("id_column", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
                    "copy_ids", "OVERRIDING SYSTEM VALUE",
                    "restart_ids", "SELECT setval(pg_get_serial_sequence('callbacks', 'id'), "
                            + "(SELECT COALESCE(MAX(id), 0) + 1 FROM callbacks), false);");
        }

        @Override
        public void checkDurable(Connection c, String url) throws SQLException {
            try (var st = c.createStatement();
                 var rs = st.executeQuery("SELECT current_setting('fsync'), current_setting('synchronous_commit')")) {
                rs.next();
                if ("off".equals(rs.getString(1)) || "off".equals(rs.getString(2))) {
                    throw new StoreException(url + ": PostgreSQL runs with fsync=" + rs.getString(1)
                            + ", synchronous_commit=" + rs.getString(2) + ": a saved callback could be lost;"
                            + " both must be on");
                }
            }
        }
    }
}
