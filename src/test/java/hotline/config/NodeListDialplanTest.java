package hotline.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Several nodes behind one Asterisk (docs/operations.md#several-nodes): the node list is one
 * dialplan global, every call of both [hotline] blocks goes down it until a node takes the call,
 * and a test's own HOTLINE_AGI still picks one server (the lab's ITs rely on it).
 */
class NodeListDialplanTest {

    private static final Pattern NODE = Pattern.compile("agi://[A-Za-z0-9.-]+:[0-9]{1,5}/hotline");

    private static List<String> globals() throws IOException {
        var lines = Files.readAllLines(Path.of("asterisk-conf/extensions.conf"));
        int start = lines.indexOf("[globals]");
        return lines.subList(start + 1, lines.size()).stream()
                .takeWhile(l -> !l.startsWith("["))
                .map(l -> l.replaceFirst(";.*", "").strip()).filter(l -> !l.isEmpty()).toList();
    }

    @Test
    void theNodesAreOneListOfFastAgiUrlsAndNoGlobalServerPinsEveryCallToOne() throws IOException {
        var globals = globals();
        String nodes = globals.stream().filter(l -> l.startsWith("HOTLINE_NODES=")).findFirst().orElseThrow()
                .substring("HOTLINE_NODES=".length());

        assertThat(nodes.split("\\|")).isNotEmpty().allMatch(n -> NODE.matcher(n).matches());
        assertThat(globals).contains("HOTLINE_NODE_TURN=0").noneMatch(l -> l.startsWith("HOTLINE_AGI="));
    }

    @Test
    void bothHotlineBlocksTryTheNextNodeWhenOneIsDownOrFullThenFallBack() throws IOException {
        var hotline = DidLanguageMapTest.dialplan().get("hotline");
        for (String exten : List.of("s", "_X.")) {
            List<String> block = hotline.get(exten);
            int reset = block.indexOf("same => n,Set(HOTLINE_TRY=0)");
            int next = block.indexOf("same => n(agi),Gosub(hotline-next-node,s,1)");
            int agi = block.indexOf("same => n,AGI(${HOTLINE_AGI})");
            int again = block.indexOf("same => n,GotoIf($[(\"${AGISTATUS}\" = \"FAILURE\" | \"${HOTLINE_OUTCOME}\" = "
                    + "\"server-busy\") & ${HOTLINE_TRY} < ${HOTLINE_NODE_COUNT}]?agi)");
            int fallback = block.indexOf("same => n(fallback),Set(HOTLINE_OUTCOME=fallback:${HOTLINE_WHY})");

            assertThat(List.of(reset, next, agi, again, fallback)).as(exten).doesNotContain(-1).isSorted();
            assertThat(next).as(exten).isEqualTo(reset + 1);
            assertThat(agi).as(exten).isEqualTo(next + 1);
            assertThat(again).as(exten).isEqualTo(agi + 1);
        }
    }

    @Test
    void theNextNodeRoutineHonoursATestsOwnServerAndReadsTheListOnlyThroughItsGlobal() throws IOException {
        var routine = DidLanguageMapTest.dialplan().get("hotline-next-node");
        List<String> s = routine.get("s");

        assertThat(s).contains("same => n,GotoIf($[\"${HOTLINE_AGI}\" = \"\"]?list)",
                "same => n(list),Set(HOTLINE_NODE_COUNT=${FIELDQTY(HOTLINE_NODES,|)})");
        assertThat(s).filteredOn(l -> l.contains("HOTLINE_NODES"))
                .allMatch(l -> l.contains("FIELDQTY(HOTLINE_NODES,|)") || l.contains("CUT(HOTLINE_NODES,|,"));
        assertThat(routine.get("h")).containsExactly("exten => h,1,Goto(hotline,h,1)");
    }

    @Test
    void theOperationsGuideShowsTheListAsTheDialplanReadsIt() throws IOException {
        String guide = Files.readString(Path.of("docs/operations.md"));

        assertThat(guide).contains("HOTLINE_NODES=agi://10.0.0.11:4573/hotline|agi://10.0.0.12:4573/hotline");
    }
}
