package hotline.draw;

import static hotline.config.Durations.format;

import hotline.config.LineLadder;
import hotline.config.Script;
import hotline.draw.Graph.Shape;
import java.time.Duration;
import java.util.List;

/**
 * The inbound flow ({@code hotline.flow.InboundFlow}) drawn from a script snapshot: every prompt
 * key, window, pause, branch and outcome, with the timings of the config. Nothing here is a
 * template: each box comes from a config record, so a change to a pause or a ladder shows.
 */
public final class InboundDiagram {

    private final Script script;
    private final Graph g = new Graph();

    private InboundDiagram(Script script) {
        this.script = script;
    }

    /** Mermaid flowchart text of the script's inbound flow. */
    public static String mermaid(Script script) {
        return Mermaid.render(new InboundDiagram(script).build());
    }

    /** Graphviz DOT of the script's inbound flow. */
    public static String dot(Script script) {
        return Dot.render(new InboundDiagram(script).build());
    }

    private Graph build() {
        var in = script.inbound();
        var languages = script.languages();
        g.section("", "");
        g.node("answer", Shape.STEP, "answer\nlanguage of the dialled number (" + languages.byNumber().size()
                + " numbers; else " + languages.fallback() + ")");
        g.node("greeting", Shape.STEP, prompt(in.greeting()) + "\nkeys " + keys() + " work from the first second");
        g.edge("answer", "greeting");
        String afterGreeting = afterGreeting();
        g.node("key", Shape.DECISION, "a key");
        keyBranches();
        String listen = g.node("listen", Shape.WAIT, "listen ≤ " + format(in.listening().listenFor()));
        g.edge(afterGreeting, listen, "played to its end");
        g.edge("greeting", "key", "a key");
        g.edge(afterGreeting, "key", "a key");
        g.edge("greeting", "connecting", "a voice over it");
        g.edge(listen, "connecting", "speech");
        g.edge(listen, "key", "a key");
        ladder("silence", "silent", in.listening().reprompts(),
                new LineLadder(List.of(), in.silentLine().goodbye(), in.silentLine().pauseBeforeHangup()),
                "silent-line-goodbye");
        ladder("quiet", "quiet", in.quietLine().reprompts(), in.quietLine(), "quiet-line-goodbye");
        ladder("noise", "noisy", in.noisyLine().reprompts(), in.noisyLine(), "noisy-line-goodbye");
        new WaitingDiagram(script, g).draw();
        return g;
    }

    private String afterGreeting() {
        var languages = script.languages();
        if (languages.menuKey().isEmpty()) return wholeMenu("greeting");
        if (languages.optionsPrompt().isEmpty()) return "greeting";
        g.node("options", Shape.STEP, prompt(languages.optionsPrompt()));
        g.edge("greeting", "options", "played to its end");
        return "options";
    }

    /** Each language's option in its own language, then the dialect and complaint options; returns the last. */
    private String wholeMenu(String from) {
        var languages = script.languages();
        String last = from;
        int i = 0;
        for (var option : languages.menu().entrySet()) {
            String id = g.node("menu" + i++, Shape.STEP, prompt(languages.optionPrompt()) + " in " + option.getValue()
                    + "\n(press " + option.getKey() + ")");
            g.edge(last, id);
            last = id;
        }
        if (!languages.dialectKey().isEmpty()) {
            g.node("menu_dialect", Shape.STEP, prompt(languages.dialectPrompt()) + "\n(press " + languages.dialectKey() + ")");
            g.edge(last, "menu_dialect");
            last = "menu_dialect";
        }
        if (!script.inbound().complaint().key().isEmpty()) {
            g.node("menu_complaint", Shape.STEP, prompt(script.inbound().complaint().optionPrompt()) + "\n(press "
                    + script.inbound().complaint().key() + ")");
            g.edge(last, "menu_complaint");
            last = "menu_complaint";
        }
        return last;
    }

    private void keyBranches() {
        var languages = script.languages();
        languages.menu().forEach((key, language) -> {
            String id = g.node("lang_" + language, Shape.STEP, "speak " + language + "\n" + prompt(script.inbound().greeting())
                    + " again, in " + language);
            g.edge("key", id, key);
            g.edge(id, "listen", "played to its end");
        });
        if (!languages.menuKey().isEmpty()) {
            String last = wholeMenu("menu_start");
            g.node("menu_start", Shape.STEP, "the whole menu");
            g.edge("key", "menu_start", languages.menuKey());
            g.edge(last, "listen", "played to its end");
        }
        if (!languages.dialectKey().isEmpty()) g.edge("key", "dialect0", languages.dialectKey() + ": another dialect");
        if (!script.inbound().complaint().key().isEmpty()) {
            g.edge("key", "escalating", script.inbound().complaint().key() + ": a complaint");
        }
    }

    /** One poor line's re-prompts, each then a window, then its goodbye, pause and hang-up. */
    private void ladder(String heard, String id, List<String> reprompts, LineLadder ending, String outcome) {
        var listenFor = script.inbound().listening().listenFor();
        String last = "listen";
        for (int i = 0; i < reprompts.size(); i++) {
            String step = g.node(id + i, Shape.STEP, prompt(reprompts.get(i)) + "\nthen listen ≤ " + format(listenFor));
            g.edge(last, step, heard);
            g.edge(step, "connecting", "speech (also over it)");
            last = step;
        }
        String bye = g.node(id + "_bye", Shape.STEP, prompt(ending.goodbye()));
        g.edge(last, bye, "still " + heard);
        pauseAndHangUp(g, id + "_bye", ending.pauseBeforeHangup(), outcome);
    }

    /** A pause, the hang-up and the outcome after {@code from}; returns the outcome node. */
    static String pauseAndHangUp(Graph g, String from, Duration pause, String outcome) {
        String p = g.node(from + "_pause", Shape.WAIT, "pause " + format(pause) + ", hang up");
        g.edge(from, p);
        String id = "out_" + outcome.lines().findFirst().orElseThrow().replaceAll("[^a-z0-9]", "_");
        String o = g.node(id, Shape.OUTCOME, outcome);
        g.edge(p, o);
        return o;
    }

    private String keys() {
        return script.languages().keys() + script.inbound().complaint().key();
    }

    static String prompt(String key) {
        return "🔊 " + key;
    }
}
