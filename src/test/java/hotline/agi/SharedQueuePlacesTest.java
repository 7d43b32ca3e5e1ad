package hotline.agi;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.store.QueueArrivals;
import hotline.time.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Places in line shared by the nodes: the store's answer when it has one, this node's guess when it fails. */
class SharedQueuePlacesTest {

    static final Instant NINE = Instant.parse("2026-12-01T09:00:00Z");

    /** A store that remembers what it was asked and answers {@code place}, or fails while {@code down}. */
    static final class ScriptedArrivals implements QueueArrivals {
        int place = 1;
        boolean down;
        final List<String> asked = new ArrayList<>();
        final List<Collection<String>> renewed = new ArrayList<>();

        private void maybeFail() {
            if (down) throw new IllegalStateException("store down: connection refused"); // what StoreException is to the caller: unchecked
        }

        @Override
        public int placeFor(String queue, String callId, String node, Instant arrivedAt, Instant now, Instant leaseUntil) {
            maybeFail();
            asked.add(queue + " " + callId + " " + node + " arrived " + arrivedAt + " lease " + Duration.between(now, leaseUntil));
            return place;
        }

        @Override
        public void leave(String queue, String callId) {
            maybeFail();
            asked.add("leave " + queue + " " + callId);
        }

        @Override
        public void leaveAll(String callId) {
            maybeFail();
            asked.add("leave all " + callId);
        }

        @Override
        public int renew(String node, Collection<String> callIds, Instant leaseUntil) {
            maybeFail();
            renewed.add(List.copyOf(callIds));
            return callIds.size();
        }

        @Override
        public int forgetExpired(Instant now) {
            maybeFail();
            return 0;
        }
    }

    final ScriptedArrivals store = new ScriptedArrivals();
    final List<String> fallbacks = new ArrayList<>();
    final SharedQueuePlaces places = new SharedQueuePlaces(store, "node-a", Clock.fixed(NINE, ZoneOffset.UTC),
            Ticker.SYSTEM, fallbacks::add);

    @Test
    void theStoresPlaceCountsOtherNodesCallersAheadOfThisOne() {
        store.place = 3;

        assertThat(places.placeFor("hotline", "a-1", NINE)).isEqualTo(3);
        assertThat(store.asked).containsExactly("hotline a-1 node-a arrived " + NINE + " lease PT30S");
        assertThat(fallbacks).isEmpty();
    }

    @Test
    void aCallerReEnteringKeepsTheTimeTheyFirstArrived() {
        places.placeFor("hotline", "a-1", NINE);
        places.placeFor("hotline", "a-1", NINE.plusSeconds(75));

        assertThat(store.asked.getLast()).startsWith("hotline a-1 node-a arrived " + NINE);
    }

    @Test
    void whenTheStoreFailsTheCallGetsThisNodesOwnGuessAndTheFallbackIsCounted() {
        places.placeFor("hotline", "a-1", NINE);
        store.down = true;

        assertThat(places.placeFor("hotline", "a-2", NINE.plusSeconds(1))).isEqualTo(2);
        assertThat(places.placeFor("hotline", "a-1", NINE.plusSeconds(2))).isEqualTo(1);
        places.leaveAll("a-1");
        places.renew();
        assertThat(fallbacks).containsExactly("place", "place", "leave", "renew");

        store.down = false; // back: the node's own calls are renewed, the ended one no longer
        places.renew();
        assertThat(store.renewed).containsExactly(List.of("a-2"));
    }

    @Test
    void onlyCallsStillInLineAreRenewedSoAnEndedCallsRowRunsOut() {
        places.placeFor("hotline", "a-1", NINE);
        places.placeFor("teamlead", "a-2", NINE);
        places.placeFor("hotline", "a-3", NINE);
        places.leave("hotline", "a-1");
        places.leaveAll("a-3");

        places.renew();

        assertThat(store.renewed).containsExactly(List.of("a-2"));
        assertThat(store.asked).contains("leave hotline a-1", "leave all a-3");
    }

    @Test
    void aNodeWithNobodyInLineRenewsNothing() {
        places.renew();

        assertThat(store.renewed).isEmpty();
        assertThat(fallbacks).isEmpty();
    }
}
