package hotline.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The schema, from the versioned SQL files in src/main/resources/db/migration. Run at every
 * start; Flyway applies only what is new, under a lock, so several nodes may start together.
 */
final class Migrations {

    static final String LOCATION = "classpath:db/migration";

    private Migrations() {}

    /** Brings the schema up to date; returns how many migrations were applied (0 when current). */
    static int migrate(DataSource ds, Dialect dialect) {
        return Flyway.configure()
                .dataSource(ds)
                .locations(LOCATION)
                .placeholders(dialect.placeholders())
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
