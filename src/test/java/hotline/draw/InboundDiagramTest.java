package hotline.draw;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.ConfigLoader;
import hotline.config.InboundScript;
import hotline.config.Script;
import hotline.config.SilentLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class InboundDiagramTest {

    private final Script shipped = ConfigLoader.load(Path.of("config/hotline.yaml")).script();

    @Test
    void theDiagramInTheDocsIsTheShippedConfigsFlowAsDrawnNow() throws IOException {
        String page = Files.readString(Path.of("docs/call-flows/inbound-diagram.md"));

        assertThat(page).as("docs/call-flows/inbound-diagram.md is out of date; regenerate it:%n  mvn -B -q package "
                + "-DskipTests && %s", DiagramPage.REGENERATE).isEqualTo(DiagramPage.markdown(shipped));
    }

    @Test
    void everyPromptTheScriptCanPlayIsInThePicture() {
        String mermaid = InboundDiagram.mermaid(shipped);

        shipped.inbound().promptUses().forEach(use ->
                assertThat(mermaid).as(use.keyPath()).contains("🔊 " + use.promptKey()));
        assertThat(mermaid).contains("🔊 " + shipped.languages().optionsPrompt(), "🔊 " + shipped.languages().optionPrompt());
    }

    @Test
    void aLongerPauseInTheConfigShowsInThePicture() {
        var in = shipped.inbound();
        var edited = shipped.withInbound(new InboundScript(in.greeting(), in.listening(),
                new SilentLine(in.silentLine().goodbye(), Duration.ofSeconds(7)), in.quietLine(), in.noisyLine(),
                in.agents(), in.dialect(), in.callbacks(), in.complaint()));

        assertThat(InboundDiagram.mermaid(edited)).contains("silent_bye_pause[/\"pause 7s, hang up\"/]");
        assertThat(InboundDiagram.mermaid(shipped)).contains("silent_bye_pause[/\"pause 5s, hang up\"/]");
    }

    @Test
    void aLadderWithAnotherRepromptGetsAnotherBox() {
        var in = shipped.inbound();
        var edited = shipped.withInbound(new InboundScript(in.greeting(),
                new hotline.config.Listening(List.of("cant-hear-you", "repeat-please"), Duration.ofSeconds(6), null, null),
                in.silentLine(), in.quietLine(), in.noisyLine(), in.agents(), in.dialect(), in.callbacks(), in.complaint()));

        assertThat(InboundDiagram.mermaid(edited)).contains("silent1[\"🔊 repeat-please<br/>then listen ≤ 6s\"]",
                "silent0 -- \"silence\" --> silent1", "listen ≤ 6s");
        assertThat(InboundDiagram.mermaid(shipped)).doesNotContain("silent1");
    }

    @Test
    void theDotTextHasTheSameBoxesAndArrows() {
        String dot = InboundDiagram.dot(shipped);

        assertThat(dot).startsWith("digraph inbound {").endsWith("}\n")
                .contains("subgraph cluster_agents", "listen -> connecting [label=\"speech\"];",
                        "out_silent_line_goodbye [shape=box");
    }
}
