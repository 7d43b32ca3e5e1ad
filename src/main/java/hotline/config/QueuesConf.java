package hotline.config;

import hotline.config.YamlTree.Mapping;
import hotline.config.YamlTree.Mark;
import hotline.config.YamlTree.Node;
import hotline.config.YamlTree.Sequence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The queues Asterisk's queues.conf defines, and the config's queue names it does not
 * (docs/configuration.md#queue-names-and-queuesconf): a queue the config sends callers or
 * callbacks to that Asterisk does not know makes every Queue() there fail at once.
 */
public final class QueuesConf {

    /** {@code [name]}, {@code [name](template)}; a template is {@code [name](!)}, {@code [name](!,other)}. */
    private static final Pattern SECTION = Pattern.compile("^\\s*\\[([^\\]]+)\\]\\s*(\\(([^)]*)\\))?");
    private static final int LISTED_MAX = 20;

    private QueuesConf() {}

    /** The queues {@code file} defines: its sections but {@code [general]} and templates, in lower case. */
    public static SortedSet<String> queues(Path file) throws IOException {
        SortedSet<String> queues = new TreeSet<>();
        for (String line : Files.readAllLines(file)) {
            String text = line.replaceAll("(?<!\\\\);.*$", ""); // ';' starts a comment, '\;' does not
            Matcher m = SECTION.matcher(text);
            if (!m.find()) continue;
            String name = m.group(1).strip().toLowerCase(Locale.ROOT);
            boolean template = m.group(3) != null && m.group(3).strip().startsWith("!");
            if (!template && !name.equals("general")) queues.add(name);
        }
        return queues;
    }

    /**
     * One line per queue name of {@code config} that {@code queuesConf} does not define, as
     * {@code file:line:column: key.path: why}; {@code yaml} is the config file's text (for the positions).
     */
    public static List<String> problems(HotlineConfig config, String fileName, String yaml, Path queuesConf,
                                        SortedSet<String> defined) {
        Optional<Node> root;
        try {
            root = YamlTree.parse(yaml);
        } catch (YamlTree.Unreadable e) {
            root = Optional.empty(); // the loader has reported it already
        }
        List<String> problems = new ArrayList<>();
        for (var use : config.inbound().queueUses()) {
            if (defined.contains(use.queue())) continue;
            Mark at = root.map(r -> locate(r, use.keyPath())).orElse(new Mark(1, 1));
            String listed = defined.size() > LISTED_MAX
                    ? defined.size() + " queues; the nearest: " + String.join(", ", nearest(use.queue(), defined))
                    : String.join(", ", defined);
            problems.add(fileName + ":" + at + ": " + use.keyPath() + ": queue '" + use.queue()
                    + "' is not defined in " + queuesConf + " (it defines: " + listed + ")");
        }
        return problems;
    }

    /** The three defined names that begin most like {@code queue} (a typo is most often near the end). */
    static List<String> nearest(String queue, SortedSet<String> defined) {
        return defined.stream().sorted(java.util.Comparator.comparingInt(
                (String d) -> -org.apache.commons.lang3.StringUtils.getCommonPrefix(d, queue).length())).limit(3).toList();
    }

    /** Where {@code keyPath} ({@code a.b[1].c}) is written; a key left out: the nearest section above it. */
    static Mark locate(Node root, String keyPath) {
        Node node = root;
        Mark mark = new Mark(1, 1);
        for (String segment : keyPath.replace("[", ".").replace("]", "").split("\\.")) {
            if (node instanceof Mapping m && m.entries().containsKey(segment)) {
                mark = m.entries().get(segment).keyAt();
                node = m.entries().get(segment).value();
            } else if (node instanceof Sequence s && segment.matches("\\d{1,4}")
                    && Integer.parseInt(segment) < s.items().size()) {
                node = s.items().get(Integer.parseInt(segment));
                mark = node.at();
            } else {
                break;
            }
        }
        return mark;
    }
}
