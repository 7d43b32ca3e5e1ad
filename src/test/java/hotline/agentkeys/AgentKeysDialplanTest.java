package hotline.agentkeys;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.AgentScripts;
import hotline.config.ConfigLoader;
import hotline.flow.Routes;
import hotline.flow.CallbackBook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The agent's keys live in three places that must agree: config/hotline.yaml agent-scripts.keys,
 * asterisk-conf/features.conf [applicationmap], and the DYNAMIC_FEATURES list [agent-whisper]
 * sets on the agent's channel; and every "peer" feature runs a script the server routes.
 */
class AgentKeysDialplanTest {

    private static final Pattern FEATURE = Pattern.compile(
            "^(hotline_[a-z_]+)\\s*=>\\s*([0-9*#]+),(peer|self),(.+)$");
    private static final Pattern GOSUB = Pattern.compile("^Gosub\\(agent-key,s,1\\(([a-z-]+)\\)\\)$");

    private final AgentScripts config = ConfigLoader.load(Path.of("config/hotline.yaml")).agentScripts();

    record Feature(String name, String code, String on, String app) {}

    @Test
    void theApplicationmapHasTheConfigsKeyForEveryScriptAndNothingElse() throws IOException {
        var codes = new TreeMap<String, String>();
        for (Feature f : applicationmap()) codes.put(scriptOf(f), f.code());
        assertThat(codes).isEqualTo(new TreeMap<>(config.keys()));
    }

    @Test
    void everyKeyButHoldBackRunsItsScriptOnTheCallersSideAndTheServerRoutesIt() throws IOException {
        var routes = Routes.standard(booking -> new CallbackBook.Booked.Stored("1"), InstantSource.system());
        for (Feature f : applicationmap()) {
            String script = scriptOf(f);
            if (script.equals(AgentScripts.HOLD_BACK)) {
                assertThat(f.on()).isEqualTo("self");
                assertThat(f.app()).isEqualTo("Gosub(agent-hold-back,s,1)");
                continue;
            }
            assertThat(f.on()).as(f.name()).isEqualTo("peer");
            var m = GOSUB.matcher(f.app());
            assertThat(m.matches()).as(f.name() + ": " + f.app()).isTrue();
            assertThat(m.group(1)).isEqualTo(script);
            assertThat(routes.paths()).contains(Routes.AGENT_PREFIX + script);
        }
    }

    @Test
    void theAgentsChannelAndOnlyItGetsEveryFeature() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("asterisk-conf/extensions.conf"));
        var setting = lines.stream().filter(l -> l.contains("DYNAMIC_FEATURES=")).toList();
        assertThat(setting).as("one place sets DYNAMIC_FEATURES, and never __ (inherited by the caller's side)")
                .hasSize(1).allMatch(l -> !l.contains("__DYNAMIC_FEATURES"));
        int whisper = lines.indexOf("[agent-whisper]");
        assertThat(whisper).isNotNegative();
        assertThat(lines.indexOf(setting.get(0))).isBetween(whisper, whisper + 4);
        String list = setting.get(0).replaceFirst(".*DYNAMIC_FEATURES=", "").replaceFirst("\\).*", "");
        Set<String> names = new TreeSet<>();
        for (Feature f : applicationmap()) names.add(f.name());
        assertThat(new TreeSet<>(List.of(list.split("#")))).isEqualTo(names);
    }

    @Test
    void theAgentKeyContextRunsTheServersAgentScriptAtTheCallsOwnServer() throws IOException {
        String dialplan = Files.readString(Path.of("asterisk-conf/extensions.conf"));
        assertThat(dialplan).contains("[agent-key]",
                "AGI(${CUT(HOTLINE_AGI,/,1-3)}/agent/${ARG1})",
                "Set(HOTLINE_KEY_LANGUAGE=${CHANNEL(language)})",
                "Set(HOTLINE_KEY_AGENT=${DYNAMIC_WHO_ACTIVATED})");
    }

    static String scriptOf(Feature f) {
        return f.name().substring("hotline_".length()).replace('_', '-');
    }

    static List<Feature> applicationmap() throws IOException {
        Map<String, Feature> features = new LinkedHashMap<>();
        boolean inMap = false;
        for (String raw : Files.readAllLines(Path.of("asterisk-conf/features.conf"))) {
            String line = raw.replaceFirst("\\s*;.*", "").strip();
            if (line.startsWith("[")) inMap = line.equals("[applicationmap]");
            if (!inMap || line.isEmpty() || line.startsWith("[")) continue;
            var m = FEATURE.matcher(line);
            assertThat(m.matches()).as("features.conf: " + raw).isTrue();
            features.put(m.group(1), new Feature(m.group(1), m.group(2), m.group(3), m.group(4)));
        }
        return List.copyOf(features.values());
    }
}
