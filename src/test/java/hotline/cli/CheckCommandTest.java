package hotline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.Main;
import java.io.StringWriter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code check} refuses an AMI secret published with the project, lists every problem, prints the effective values. */
class CheckCommandTest {

    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int check(String secret) throws Exception {
        return checkFile(Files.readString(Path.of("config/hotline.yaml")).replace("ami-secret: \"\"", "ami-secret: " + secret));
    }

    private int checkFile(String yaml, String... options) throws Exception {
        Path config = dir.resolve("hotline.yaml");
        Files.writeString(config, yaml);
        var cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(Stream.concat(Stream.of("check", "--config", config.toString()), Stream.of(options))
                .toArray(String[]::new));
    }

    @Test
    void everyProblemOfTheFileIsListedThenCounted() throws Exception {
        assertThat(checkFile("server:\n  port: 0\ninbound:\n  agents:\n    max-wiat: 10m\n")).isEqualTo(1);

        assertThat(err.toString().lines()).containsExactly(
                dir.resolve("hotline.yaml") + ":2:3: server.port: must be 1..65535, was 0",
                dir.resolve("hotline.yaml") + ":5:5: inbound.agents.max-wiat: unknown key; did you mean max-wait?",
                "2 problem(s) in " + dir.resolve("hotline.yaml"));
    }

    @Test
    void printShowsEachEffectiveValueAndWhetherTheFileOrTheDefaultGaveIt() throws Exception {
        String shipped = Files.readString(Path.of("config/hotline.yaml"));
        checkFile(shipped.replace("    listen-for: 5s ", "    listen-for: 6s "), "--print");

        assertThat(out.toString().lines())
                .anyMatch(l -> l.matches("inbound\\.listening\\.listen-for: 6s +# file"))
                .anyMatch(l -> l.matches("line-quality\\.window: 5s +# default"))
                .anyMatch(l -> l.matches("store\\.promise\\.complex: 24h +# file"))
                .anyMatch(l -> l.matches("inbound\\.complaint\\.key: \"8\" +# file"))
                .noneMatch(l -> l.contains("ami-secret: hotline"));
    }

    @Test
    void thePublishedLabSecretIsRefused() throws Exception {
        assertThat(check("hotline-dialler-lab-secret")).isEqualTo(1);
        assertThat(err.toString()).contains("dialler.ami-secret: 'hotline-dialler-lab-secret' is the sample published");
    }

    @Test
    void aSecretOfOpsOwnPasses() throws Exception {
        assertThat(check("Zq7-unshared-9Lk")).isZero();
    }

    @Test
    void everyQueueOfTheShippedConfigIsAQueueOfTheShippedQueuesConf() throws Exception {
        assertThat(checkFile(Files.readString(Path.of("config/hotline.yaml")), "--queues-conf",
                "asterisk-conf/queues.conf")).as(err.toString()).isZero();
    }

    @Test
    void aDialectQueueThatQueuesConfDoesNotDefineIsRefusedAtItsLineAndColumnWithItsKey() throws Exception {
        String yaml = Files.readString(Path.of("config/hotline.yaml"))
                .replace("queues: [dialect-es]", "queues: [dialect-sp]");
        List<String> lines = yaml.lines().toList();
        int line = lines.indexOf(lines.stream().filter(l -> l.contains("[dialect-sp]")).findFirst().orElseThrow()) + 1;
        int column = lines.get(line - 1).indexOf("dialect-sp") + 1;

        assertThat(checkFile(yaml, "--queues-conf", "asterisk-conf/queues.conf")).isEqualTo(1);

        // every queue section of the shipped queues.conf, sorted (templates and [general] are not queues)
        java.util.List<String> defined = Files.readAllLines(Path.of("asterisk-conf/queues.conf")).stream()
                .map(l -> l.replaceAll(";.*", "").trim()).filter(l -> l.matches("\\[[a-z0-9-]+\\](\\([a-z-]+\\))?"))
                .map(l -> l.substring(1, l.indexOf(']'))).filter(q -> !q.equals("general")).sorted()
                .toList();
        assertThat(defined).startsWith("dialect-es", "dialect-yue", "dialect-zh", "hotline").endsWith("teamlead");
        // a long list is not printed whole: its size and the names nearest the one written
        String listed = defined.size() > 20 ? defined.size() + " queues; the nearest: dialect-es, dialect-yue, dialect-zh"
                : String.join(", ", defined);
        assertThat(err.toString().lines()).containsExactly(dir.resolve("hotline.yaml") + ":" + line + ":" + column
                + ": inbound.dialect.by-language.es.queues[0]: queue 'dialect-sp' is not defined in "
                + "asterisk-conf/queues.conf (it defines: " + listed + ")",
                "1 problem(s) in " + dir.resolve("hotline.yaml"));
    }

    @Test
    void aQueueLeftAtItsDefaultIsReportedAtItsSection() throws Exception {
        Path queuesConf = dir.resolve("queues.conf");
        Files.writeString(queuesConf, "[general]\n[hotline-queue](!)\n[hotline](hotline-queue)\n");

        assertThat(checkFile("inbound:\n  agents:\n    max-wait: 10m\n", "--queues-conf", queuesConf.toString()))
                .isEqualTo(1);

        assertThat(err.toString()).contains(dir.resolve("hotline.yaml") + ":1:1: inbound.complaint.queue: queue "
                + "'teamlead' is not defined in " + queuesConf + " (it defines: hotline)");
        assertThat(err.toString()).doesNotContain("inbound.agents.queue");
    }

    @Test
    void withoutTheOptionTheQueuesConfBesideTheConfigsFolderIsRead() throws Exception {
        Files.createDirectories(dir.resolve("config"));
        Files.createDirectories(dir.resolve("asterisk-conf"));
        Files.writeString(dir.resolve("asterisk-conf/queues.conf"), "[hotline]\n");
        Path config = dir.resolve("config/hotline.yaml");
        Files.writeString(config, "inbound:\n  agents:\n    max-wait: 10m\n");

        assertThat(CheckCommand.defaultQueuesConf(config)).isEqualTo(dir.resolve("asterisk-conf/queues.conf"));
        var cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute("check", "--config", config.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("inbound.complaint.queue: queue 'teamlead' is not defined in "
                + dir.resolve("asterisk-conf/queues.conf"));
    }

    @Test
    void withoutTheOptionAndWithoutAQueuesConfBesideTheConfigTheLookupIsSkippedWithANote() throws Exception {
        assertThat(check("Zq7-unshared-9Lk")).isZero();
        assertThat(err.toString()).contains("note: queue names not checked against queues.conf: no ",
                "asterisk -rx \"queue show\"");
    }

    @Test
    void printDialplanHoursPrintsOnlyTheHotlineHoursContextForTheFilesHours() throws Exception {
        assertThat(checkFile("hours: {time-zone: Europe/Madrid, weekly: {monday: [08:30-14:00]}}\n",
                "--print-dialplan-hours")).isEqualTo(0);

        assertThat(out.toString().lines().toList()).startsWith("[hotline-hours]")
                .contains(" same => n,GotoIfTime(08:30-13:59,mon,*,*,Europe/Madrid?open)")
                .noneMatch(l -> l.contains(": OK"));
    }

    @Test
    void printDialplanHoursOfABadFilePrintsNothingButTheProblems() throws Exception {
        assertThat(checkFile("hours: {weekly: {monday: [14:00-08:30]}}\n", "--print-dialplan-hours")).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("hours.weekly.monday[0]: '14:00-08:30' ends before it starts");
    }
}
