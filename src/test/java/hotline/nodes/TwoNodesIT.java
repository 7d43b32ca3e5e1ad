package hotline.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.lab.HeardPrompts;
import hotline.lab.HotlineCallEndedEvent;
import hotline.lab.Lab;
import hotline.lab.LabCalls;
import hotline.lab.ServerProcess;
import hotline.store.CallbackFilter;
import hotline.store.CallbackNumber;
import hotline.store.CallbackQueue;
import hotline.store.CallbackRequest;
import hotline.store.CallbackState;
import hotline.store.CallbackStore;
import hotline.store.CallerDetails;
import hotline.store.NewCallback;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import hotline.lab.LabLocks;

/**
 * Issue 14: two real servers ({@code lab-a}, {@code lab-b}) on one PostgreSQL serve one hotline
 * through the dialplan's node list (HOTLINE_NODES). Callers are spread over both; callbacks booked
 * on both are dialled back in arrival order, each once, by whichever node's dialler, never a second
 * one for the one agent while a callee hears the intro (the store's hold); then the node
 * holding a DIALLING claim is SIGKILLed with live callers on both: its callers hear the §8 fallback
 * (or are served by the other), the other's finish, its claim and its places in line return within
 * their leases. Prints the figures (docs/operations.md#several-nodes).
 */
@ResourceLock(LabLocks.SHARED_LINES)
class TwoNodesIT extends LabCalls {

    private static final int PORT_A = 4621;
    private static final int PORT_B = 4623;
    private static final String AGENT = "Local/s@robot-agent/n";
    private static final List<String> BOOKING = List.of("5550121", "5550122", "5550123", "5550124", "5550125", "5550126");

    @Test
    void twoNodesServeOneHotlineAndANodeKilledMidCallLosesNothingStored() throws Exception {
        try (var nodes = new LabNodes();
             var a = ServerProcess.serve(nodes.config("lab-a", PORT_A), nodes.log("lab-a"));
             var b = ServerProcess.serve(nodes.config("lab-b", PORT_B), nodes.log("lab-b"));
             CallbackStore store = CallbackStore.open(nodes.store(), Clock.systemUTC())) {
            var via = Map.of("HOTLINE_NODES", LabNodes.nodesVariable(PORT_A, PORT_B));
            var servers = Map.of("lab-a", a, "lab-b", b);

            // 1. callers spread over both nodes, each books a callback (no agent logged in)
            var booking = new ArrayList<String>();
            for (String number : BOOKING) {
                booking.add(lab.callFrom("robot-waits-for-callback", number, via));
                Thread.sleep(3_000); // one arrival order, whichever node each reached
            }
            for (String robot : booking) {
                assertThat(lab.awaitEnd(robot, Duration.ofSeconds(120)).getOutcome()).as(robot).startsWith("callback-booked");
            }
            Map<String, String> bookedOn = new TreeMap<>();
            for (String node : servers.keySet()) {
                nodes.journalLines(node).forEach(l -> LabNodes.field(l, "caller").ifPresent(n -> bookedOn.put(n, node)));
            }
            assertThat(bookedOn.keySet()).containsExactlyInAnyOrderElementsOf(BOOKING);
            assertThat(bookedOn.values()).as("calls spread over both nodes").contains("lab-a", "lab-b");
            List<CallbackRequest> inLine = store.list(CallbackFilter.inState(CallbackState.PENDING));
            List<String> arrivalOrder = inLine.stream().map(c -> c.number().digits()).toList();
            assertThat(arrivalOrder).containsExactlyInAnyOrderElementsOf(BOOKING);

            // 2. one agent logs in: both nodes' diallers place them back in arrival order, each once, and
            //    one at a time: while a callee hears the intro, the agent looks idle to Asterisk, but the
            //    store's hold keeps the other node from placing the next callback for it
            lab.addQueueMember("hotline", AGENT);
            try {
                for (int i = 0; i < arrivalOrder.size(); i++) {
                    String number = arrivalOrder.get(i);
                    lab.await(NewChannelEvent.class, leg(number), Duration.ofSeconds(30), "the callback to " + number);
                    AgentConnectEvent connected = lab.await(AgentConnectEvent.class,
                            e -> "hotline".equals(e.getQueue()) && String.valueOf(e.getChannel()).startsWith(legName(number)),
                            Duration.ofSeconds(40), "the agent taking the callback to " + number);
                    assertThat(callbackLegs()).as("callbacks placed while the one agent was held for " + number)
                            .containsExactlyElementsOf(arrivalOrder.subList(0, i + 1));
                    lab.hangUp(connected.getChannel()); // the agent is free for the next one
                }
                awaitTrue(() -> store.list(CallbackFilter.all()).stream().allMatch(c -> c.state() == CallbackState.DONE),
                        Duration.ofSeconds(20), "every callback DONE");
            } finally {
                lab.removeQueueMember("hotline", AGENT);
            }
            List<String> dialledOrder = callbackLegs();
            assertThat(dialledOrder).as("placed back in arrival order, each once").containsExactlyElementsOf(arrivalOrder);
            assertThat(store.list(CallbackFilter.all())).allSatisfy(c -> assertThat(c.attempts()).isEqualTo(1));
            Map<String, Integer> placedPerNode = new TreeMap<>();
            servers.keySet().forEach(n -> placedPerNode.put(n, nodes.placedBy(n).values().stream().mapToInt(i -> i).sum()));

            // 3. a callback ringing (never answered), callers live on both nodes, the claim's node SIGKILLed
            long ringing = savedAndClaimed(store, nodes, "0550127");
            String killed = nodes.dialling(ringing).orElseThrow();
            String survivor = killed.equals("lab-a") ? "lab-b" : "lab-a";
            lab.removeQueueMember("hotline", AGENT);
            var live = new ArrayList<String>();
            for (String robot : List.of("robot-speaks", "robot-speaks", "robot-silent", "robot-silent")) { // a speaker per node
                live.add(lab.call(robot, via));
                Thread.sleep(500);
            }
            Thread.sleep(10_000); // the speakers wait in the queue, the silent ones hear the ladder; still ringing
            Map<String, Integer> placesBefore = nodes.placesInLine();
            assertThat(placesBefore).as("one line, both nodes' callers in it").containsOnlyKeys("lab-a", "lab-b");
            assertThat(nodes.dialling(ringing)).as("callback %d still ringing", ringing).contains(killed);
            long killedAt = System.nanoTime();
            servers.get(killed).kill();

            int fallbacks = 0, served = 0;
            var outcomes = new TreeMap<String, Integer>();
            for (String robot : live) {
                HotlineCallEndedEvent end = lab.awaitEnd(robot, Duration.ofSeconds(120));
                String outcome = String.valueOf(end.getOutcome());
                outcomes.merge(outcome, 1, Integer::sum);
                if (outcome.startsWith("fallback:")) {
                    assertThat(HeardPrompts.by(robot).find("en", "line-adjusting", Duration.ZERO)).as(robot).isPresent();
                    fallbacks++;
                } else {
                    assertThat(nodes.journalLines(survivor)).as(robot + " (" + outcome + ") ended on " + survivor)
                            .anyMatch(l -> LabNodes.field(l, "channel").equals(Optional.ofNullable(end.getChannel())));
                    served++;
                }
            }
            awaitTrue(() -> nodes.dialling(ringing).isEmpty(), LabNodes.LEASE.multipliedBy(2), "the claim released");
            Duration claimBack = Duration.ofNanos(System.nanoTime() - killedAt);
            awaitTrue(() -> !nodes.placesInLine().containsKey(killed), LabNodes.LEASE, "the killed node's places gone");
            Duration placesGone = Duration.ofNanos(System.nanoTime() - killedAt);
            CallbackRequest released = store.find(ringing).orElseThrow();

            assertThat(released.state()).isEqualTo(CallbackState.PENDING);
            // back in line either by the lease (interrupted) or sooner: every node's AMI session sees the
            // attempt end (the ring timing out), and the surviving node records its real result
            assertThat(released.lastResult()).get().isIn("interrupted", "no-answer");
            assertThat(claimBack).isLessThanOrEqualTo(LabNodes.LEASE.plus(LabNodes.LEASE.dividedBy(4)).plusSeconds(5));
            long lost = BOOKING.stream().filter(n -> store.list(CallbackFilter.all()).stream()
                    .noneMatch(c -> c.number().digits().equals(n) && c.state() == CallbackState.DONE)).count();
            long duplicated = dialledOrder.size() - dialledOrder.stream().distinct().count();
            System.out.printf("TwoNodesIT: calls per node (booking) %s; callbacks booked %d, placed back per node %s, "
                    + "in arrival order, dialled once each: %d, lost %d, duplicated %d%n",
                    countBy(bookedOn), BOOKING.size(), placedPerNode, dialledOrder.size(), lost, duplicated);
            System.out.printf("TwoNodesIT: killed %s (holding callback %d, places in line before %s) with %d live calls: "
                    + "%d heard the fallback, %d served by %s; outcomes %s; its claim released after %d s (lease %d s), "
                    + "its places in line gone after %d s%n", killed, ringing, placesBefore, live.size(), fallbacks, served,
                    survivor, outcomes, claimBack.toSeconds(), LabNodes.LEASE.toSeconds(), placesGone.toSeconds());
            assertThat(lost).isZero();
            assertThat(duplicated).isZero();
        }
    }

    /** Saves a callback to a number that rings unanswered and waits until a node's dialler claims it. */
    private long savedAndClaimed(CallbackStore store, LabNodes nodes, String number) {
        lab.addQueueMember("hotline", AGENT); // a ready agent and nobody waiting: a dialler claims it
        long id = store.save(new NewCallback(CallbackNumber.of(number), "en", "simple", CallbackQueue.of("hotline"),
                Optional.empty(), CallerDetails.of(number, Duration.ofSeconds(30)))).id();
        awaitTrue(() -> nodes.dialling(id).isPresent(), Duration.ofSeconds(20), "callback " + id + " claimed");
        return id;
    }

    /** The numbers called back so far, in the order their calls were created. */
    private List<String> callbackLegs() {
        return lab.events(NewChannelEvent.class).stream().map(NewChannelEvent::getChannel)
                .filter(c -> c != null && c.contains("@callback-robots-") && c.endsWith(";1"))
                .map(c -> c.substring("Local/".length(), c.indexOf('@'))).toList();
    }

    private static Map<String, Integer> countBy(Map<String, String> byKey) {
        var counts = new LinkedHashMap<String, Integer>();
        new TreeMap<>(byKey).values().forEach(v -> counts.merge(v, 1, Integer::sum));
        return new TreeMap<>(counts);
    }

    private static String legName(String number) {
        return "Local/" + number + "@callback-robots";
    }

    private static java.util.function.Predicate<NewChannelEvent> leg(String number) {
        return e -> e.getChannel() != null && e.getChannel().startsWith(legName(number)) && e.getChannel().endsWith(";1");
    }

    private static void awaitTrue(BooleanSupplier done, Duration within, String what) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Lab.pause(200);
        }
    }
}
