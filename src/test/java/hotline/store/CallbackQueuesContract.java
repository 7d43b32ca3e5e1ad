package hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Queues are names, not a list (docs/callbacks.md), on both databases: a callback waits in any
 * queue it was booked for, and the rows of a database made before V3 (queue 'hotline' or
 * 'teamlead', under a CHECK) come through the migration as they were.
 */
abstract class CallbackQueuesContract extends CallbackStoreFaultsContract {

    private static final CallbackQueue DIALECT_ES = CallbackQueue.of("dialect-es");

    @Test
    void aCallbackForADialectQueueIsStoredAsGivenAndWaitsInThatLineOnly() {
        long agents = store.save(request("0601")).id();
        long dialect = store.save(request("0602", "simple", DIALECT_ES)).id();

        assertThat(store.find(dialect).orElseThrow().queue()).isEqualTo(DIALECT_ES);
        assertThat(store.nextInLine(DIALECT_ES).map(CallbackRequest::id)).contains(dialect);
        assertThat(store.claimNext(CallbackQueue.of("hotline")).map(CallbackRequest::id)).contains(agents);
        assertThat(store.claimNext(DIALECT_ES).map(CallbackRequest::id)).contains(dialect);
        assertThat(store.claimNext(DIALECT_ES)).isEmpty();
        assertThat(store.list(CallbackFilter.all().inQueue(DIALECT_ES))).extracting(CallbackRequest::id)
                .containsExactly(dialect);
    }

    @Test
    void aQueueAsLongAsNamesMayBeIsStoredWhole() {
        var longest = CallbackQueue.of("q" + "-".repeat(38) + "z");

        long id = store.save(request("0601", "simple", longest)).id();

        assertThat(store.find(id).orElseThrow().queue()).isEqualTo(longest);
    }

    @Test
    void aNumberWaitingInADialectQueueThatComplainsMovesToTheTeamLead() {
        long id = store.save(request("0601", "simple", DIALECT_ES)).id();

        var moved = store.save(request("0601", "complaint", CallbackQueue.of("teamlead")));

        assertThat(moved.id()).isEqualTo(id);
        assertThat(moved.queue()).isEqualTo(CallbackQueue.of("teamlead"));
    }

    @Test
    void aRowWhoseQueueIsNoQueueNameIsSetAsideNotDialled() throws SQLException {
        long bad = store.save(request("0601", "simple", DIALECT_ES)).id();
        long good = store.save(request("0602", "simple", DIALECT_ES)).id();
        sql("UPDATE callbacks SET queue = 'Dialect ES;x' WHERE id = " + bad);

        assertThat(store.claimNext(DIALECT_ES).map(CallbackRequest::id)).contains(good);
        assertThat(store.list(CallbackFilter.all())).extracting(CallbackRequest::id).doesNotContain(bad);
    }

    @Test
    void rowsSavedBeforeQueuesWereNamesComeThroughTheMigrationAsTheyWere() throws SQLException {
        store.close();
        Dialect dialect = Dialect.of(config().jdbcUrl());
        var ds = dialect.dataSource(config());
        Flyway.configure().dataSource(ds).locations(Migrations.LOCATION).placeholders(dialect.placeholders())
                .cleanDisabled(false).load().clean();
        Flyway.configure().dataSource(ds).locations(Migrations.LOCATION).placeholders(dialect.placeholders())
                .target("2").load().migrate();
        try (var c = ds.getConnection(); var st = c.createStatement()) {
            st.executeUpdate("INSERT INTO callbacks (id, created_at, callback_number, language, reason, promised_by,"
                    + " queue, recording, caller_id, waited_ms, state, attempts, due_at, request_key) "
                    // PostgreSQL's id is GENERATED ALWAYS: an old row's own id needs OVERRIDING SYSTEM VALUE
                    + dialect.placeholders().get("copy_ids") + " VALUES"
                    + " (7, 1795510800000, '0601', 'ko', 'complaint', 1795518000000, 'teamlead', 'callbacks/s-7',"
                    + " '0601', 95000, 'PENDING', 0, 1795510800000, 'k-7'),"
                    + " (8, 1795510801000, '0602', 'en', 'simple', 1795518001000, 'hotline', NULL, NULL, 0, 'DONE',"
                    + " 1, 1795510801000, NULL)");
        }

        store = CallbackStore.open(config(), clock, OUTRANKING); // V3 runs here

        var lead = store.find(7).orElseThrow();
        assertThat(lead.queue()).isEqualTo(CallbackQueue.of("teamlead"));
        assertThat(lead.recording()).contains("callbacks/s-7");
        assertThat(lead.caller().waited()).isEqualTo(Duration.ofSeconds(95));
        assertThat(lead.state()).isEqualTo(CallbackState.PENDING);
        assertThat(store.find(8).orElseThrow().state()).isEqualTo(CallbackState.DONE);
        assertThat(store.save(request("0601", "complaint", CallbackQueue.of("teamlead")), Optional.of("k-7"),
                NINE_AM).id()).as("the request key's unique index came through").isEqualTo(7);
        long next = store.save(request("0603", "simple", DIALECT_ES)).id();
        assertThat(next).as("new ids follow the copied ones").isGreaterThan(8);
        assertThat(store.claimNext(DIALECT_ES).map(CallbackRequest::id)).contains(next);
    }

    private void sql(String statement) throws SQLException {
        Dialect dialect = Dialect.of(config().jdbcUrl());
        try (var c = dialect.dataSource(config()).getConnection(); var st = c.createStatement()) {
            st.executeUpdate(statement);
        }
    }
}
