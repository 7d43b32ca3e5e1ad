package hotline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The store's part in exactly-once callbacks and against abuse, on both databases: attempts
 * counted at the claim, late and stale answers, earlier runs of a node, one PENDING callback
 * per number, keyed saves, and rows that cannot be dialled.
 */
abstract class CallbackStoreFaultsContract extends CallbackStoreContract {

    private final Claimant node = Claimant.of("node-a");

    @Test
    void theAttemptIsCountedWhenTheCallbackIsClaimed() {
        long id = store.save(request("0601")).id();

        assertThat(store.claimNext(CallbackQueue.of("hotline"), node)).hasValueSatisfying(c -> {
            assertThat(c.state()).isEqualTo(CallbackState.DIALLING);
            assertThat(c.attempts()).isEqualTo(1);
        });
        assertThat(store.find(id).orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void anAnswerThatComesAfterTheAttemptWasClosedAsNoResponseStillMakesTheCallbackDone() {
        long id = store.save(request("0601")).id();
        store.claim(id, node).orElseThrow();
        store.recordAttempt(id, 1, AttemptResult.notReached(AttemptResult.NO_RESPONSE));

        CallbackRequest after = store.recordAttempt(id, 1, AttemptResult.reached());

        assertThat(after.state()).isEqualTo(CallbackState.DONE);
        assertThat(after.attempts()).isEqualTo(1);
        assertThat(store.claimNext(CallbackQueue.of("hotline"), node)).isEmpty();
    }

    @Test
    void anAnswerToAnEarlierAttemptCannotTouchTheCurrentOne() {
        long id = store.save(request("0601")).id();
        store.claim(id, node).orElseThrow();
        store.recordAttempt(id, 1, AttemptResult.notReached("busy"));
        clock.advance(config().retryAfter());
        store.claim(id, node).orElseThrow();

        assertThatThrownBy(() -> store.recordAttempt(id, 1, AttemptResult.notReached("no-answer")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(CallbackState.DIALLING);
        assertThat(store.recordAttempt(id, 2, AttemptResult.reached()).state()).isEqualTo(CallbackState.DONE);
    }

    @Test
    void aCallCertainlyNotPlacedIsPutBackWithoutCountingTheAttempt() {
        long id = store.save(request("0601")).id();
        store.claim(id, node).orElseThrow();

        assertThat(store.putBackUnplaced(id, 1)).isTrue();

        assertThat(store.find(id).orElseThrow()).satisfies(c -> {
            assertThat(c.state()).isEqualTo(CallbackState.PENDING);
            assertThat(c.attempts()).isZero();
        });
        assertThat(store.nextInLine(CallbackQueue.of("hotline"))).map(CallbackRequest::id).contains(id);
    }

    @Test
    void aClaimLeftByAnEarlierRunOfThisNodeGoesBackAtOnceAndAnotherNodesClaimStays() {
        long mine = store.save(request("0601")).id();
        long theirs = store.save(request("0602")).id();
        store.claim(mine, Claimant.of("node-a")).orElseThrow(); // the run that was killed
        store.claim(theirs, Claimant.of("node-b")).orElseThrow();

        assertThat(store.releaseEarlierRuns(node)).isEqualTo(1);

        assertThat(store.find(mine).orElseThrow()).satisfies(c -> {
            assertThat(c.state()).isEqualTo(CallbackState.PENDING);
            assertThat(c.attempts()).isEqualTo(1);
            assertThat(c.lastResult()).contains("interrupted");
        });
        assertThat(store.find(theirs).orElseThrow().state()).isEqualTo(CallbackState.DIALLING);
        assertThat(store.releaseEarlierRuns(Claimant.of("node-a_"))).isZero(); // '_' is no wildcard
    }

    @Test
    void anInterruptedLastAttemptFailsTheCallbackForAPersonToFollowUp() {
        long id = store.save(request("0601")).id();
        for (int attempt = 1; attempt < config().maxAttempts(); attempt++) {
            store.claim(id, node).orElseThrow();
            store.recordAttempt(id, attempt, AttemptResult.notReached("busy"));
            clock.advance(config().retryAfter());
        }
        store.claim(id, Claimant.of("node-a")).orElseThrow();

        store.releaseEarlierRuns(node);

        assertThat(store.find(id).orElseThrow().state()).isEqualTo(CallbackState.FAILED);
    }

    @Test
    void aSecondRequestForAWaitingNumberUpdatesItKeepingItsPlaceAndTheEarlierPromise() {
        long first = store.save(request("0601", "simple", CallbackQueue.of("hotline"))).id();
        long other = store.save(request("0602")).id();
        clock.advance(Duration.ofMinutes(30));

        CallbackRequest again = store.save(new NewCallback(CallbackNumber.of("0601"), "es", "complex",
                CallbackQueue.of("hotline"), Optional.of("rec/name-2"), CallerDetails.of("0601", Duration.ofSeconds(9))));

        assertThat(again.id()).isEqualTo(first);
        assertThat(again.promisedBy()).isEqualTo(NINE_AM.plus(Duration.ofHours(2)));
        assertThat(store.find(first)).contains(again);
        assertThat(again.language()).isEqualTo("es");
        assertThat(again.recording()).contains("rec/name-2");
        assertThat(store.list(CallbackFilter.inState(CallbackState.PENDING))).extracting(CallbackRequest::id)
                .containsExactly(first, other);
    }

    @Test
    void aComplaintForANumberWaitingForAnAgentMovesItToTheTeamLeadAndStaysThere() {
        long id = store.save(request("0601", "simple", CallbackQueue.of("hotline"))).id();

        store.save(new NewCallback(CallbackNumber.of("0601"), "ko", "complaint", CallbackQueue.of("teamlead"),
                Optional.of("rec/statement"), CallerDetails.of("0601", Duration.ZERO)));
        CallbackRequest later = store.save(request("0601", "simple", CallbackQueue.of("hotline")));

        assertThat(later.id()).isEqualTo(id);
        assertThat(later.queue()).isEqualTo(CallbackQueue.of("teamlead"));
        assertThat(later.reason()).isEqualTo("complaint");
        assertThat(later.recording()).contains("rec/statement");
        assertThat(store.list(CallbackFilter.all())).hasSize(1);
    }

    @Test
    void aNumberBeingDialledMayAskAgainAndGetsOneNewPendingCallback() {
        long dialling = store.save(request("0601")).id();
        store.claim(dialling, node).orElseThrow();

        long asked = store.save(request("0601")).id();
        long askedAgain = store.save(request("0601")).id();

        assertThat(asked).isNotEqualTo(dialling).isEqualTo(askedAgain);
    }

    @Test
    void aKeyedRequestSavedTwiceIsStoredOnce() {
        var asked = NINE_AM.minus(Duration.ofMinutes(5));
        CallbackRequest first = store.save(request("0601"), Optional.of("k-1"), asked);
        store.claim(first.id(), node).orElseThrow();
        store.recordAttempt(first.id(), 1, AttemptResult.reached());

        CallbackRequest replayed = store.save(request("0601"), Optional.of("k-1"), asked);

        assertThat(replayed.id()).isEqualTo(first.id());
        assertThat(replayed.state()).isEqualTo(CallbackState.DONE);
        assertThat(first.createdAt()).isEqualTo(asked);
        assertThat(first.promisedBy()).isEqualTo(asked.plus(Duration.ofHours(2)));
        assertThat(store.list(CallbackFilter.all())).hasSize(1);
    }

    @Test
    void rowsThatCannotBeDialledAreSetAsideWithTheirReasonAndTheNextOneIsClaimed() throws SQLException {
        long shortNumber = insertRaw("12", "en", null);
        long crlfLanguage = insertRaw("0601", "en\r\nAction: x", null);
        long lfRecording = insertRaw("0602", "en", "rec/x\nVariable: SHELL(id)=1");
        long good = store.save(request("0603")).id();

        assertThat(store.claimNext(CallbackQueue.of("hotline"), node)).map(CallbackRequest::id).contains(good);

        assertThat(store.listSetAside()).extracting(SetAside::id).containsExactly(shortNumber, crlfLanguage, lfRecording);
        assertThat(store.listSetAside()).allSatisfy(s -> assertThat(s.why()).doesNotContain("\r", "\n"));
        assertThat(store.listSetAside().getFirst().why()).startsWith("callback-number: '12' is not a phone number");
        assertThat(store.list(CallbackFilter.inState(CallbackState.FAILED))).extracting(CallbackRequest::id)
                .containsExactly(crlfLanguage, lfRecording);
    }

    @Test
    void aBadPendingRowForANumberDoesNotTurnAwayANewRequestForIt() throws SQLException {
        long bad = insertRaw("0601", "en\n", null);

        long saved = store.save(request("0601")).id();

        assertThat(saved).isNotEqualTo(bad);
        assertThat(store.listSetAside()).extracting(SetAside::id).containsExactly(bad);
    }

    /** A row as another program (or an old bug) might have written it, bypassing the checks. */
    private long insertRaw(String number, String language, String recording) throws SQLException {
        var ds = Dialect.of(config().jdbcUrl()).dataSource(config());
        try (var c = ds.getConnection(); var st = c.prepareStatement(CallbackRows.INSERT)) {
            st.setLong(1, NINE_AM.toEpochMilli());
            st.setString(2, number);
            st.setString(3, language);
            st.setString(4, "simple");
            st.setLong(5, NINE_AM.toEpochMilli());
            st.setString(6, "hotline");
            st.setString(7, recording);
            st.setString(8, null);
            st.setLong(9, 0);
            st.setLong(10, NINE_AM.toEpochMilli());
            st.setString(11, null);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
