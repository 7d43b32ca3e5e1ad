package hotline.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.lang3.StringUtils;

/**
 * Placing stored callbacks back (docs/callbacks.md#placing-callbacks-back): an AMI login
 * to Asterisk and how to dial a callback's number.
 *
 * @param enabled      whether {@code serve} runs the dialler
 * @param amiHost      Asterisk's manager interface (manager.conf)
 * @param amiPort      its port, 5038 by convention
 * @param amiUser      the manager.conf user; needs originate and reporting (Getvar) rights
 * @param amiSecret    its secret; empty means the dialler is not started. Never printed
 * @param dial         the Originate channel for a number: {@code {number}} is replaced by the
 *                     callback's digits, e.g. {@code PJSIP/{number}@trunk}
 * @param pollEvery    how often each line is checked for a free agent, 100ms..1m
 * @param ringFor      how long the callee's phone rings before the attempt is "no-answer", 5s..2m
 * @param queueTimeout how long the answered callee waits in the queue for an agent, 5s..30m
 * @param node         this server's name among the nodes sharing a store, unique per server (two
 *                     servers on one host need two names); the host name by default. Callbacks
 *                     this node left DIALLING when it was killed are put back when it starts again
 */
public record Dialler(Boolean enabled, String amiHost, Integer amiPort, String amiUser, String amiSecret,
                      String dial, Duration pollEvery, Duration ringFor, Duration queueTimeout, String node) {

    public static final String NUMBER = "{number}";
    /**
     * Secrets published in this repository (asterisk-conf/manager.conf, the docs' examples):
     * {@code check} refuses them, {@code serve} warns. Keep in step with manager.conf
     * (ManagerConfTest checks it).
     */
    public static final Set<String> PUBLISHED_SECRETS = Set.of("hotline-lab-secret", "hotline-dialler-lab-secret",
            "change-me");
    private static final Pattern NODE = Pattern.compile("[A-Za-z0-9._-]{1,80}");
    /** What may surround {number} in the dial template: a channel technology, a trunk, a context. */
    private static final Pattern DIAL_REST = Pattern.compile("[A-Za-z0-9/@._:+-]*");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{3,20}");

    public Dialler {
        enabled = enabled == null ? Boolean.TRUE : enabled;
        amiHost = amiHost == null ? "127.0.0.1" : StringUtils.strip(amiHost);
        amiPort = amiPort == null ? 5038 : amiPort;
        amiUser = amiUser == null ? "hotline" : amiUser.strip();
        amiSecret = amiSecret == null ? "" : amiSecret;
        dial = dial == null ? "PJSIP/{number}@trunk" : dial.strip();
        pollEvery = pollEvery == null ? Duration.ofSeconds(5) : pollEvery;
        ringFor = ringFor == null ? Duration.ofSeconds(30) : ringFor;
        queueTimeout = queueTimeout == null ? Duration.ofMinutes(2) : queueTimeout;
        node = node == null ? hostName() : node.strip();
        var check = new Check();
        check.that("node", NODE.matcher(node).matches(),
                Check.quote(node) + " is not a node name (1 to 80 letters, digits, '.', '_' and '-')");
        check.that("ami-host", !amiHost.isEmpty(), "must not be empty");
        check.that("ami-port", amiPort > 0 && amiPort < 65536, "must be 1..65535, was " + amiPort);
        check.that("ami-user", amiUser.matches("[A-Za-z0-9._-]{1,80}"),
                Check.quote(amiUser) + " is not a manager.conf user (letters, digits, '.', '_' and '-')");
        String[] parts = dial.split(Pattern.quote(NUMBER), -1);
        if (parts.length != 2) {
            check.that("dial", false, Check.quote(dial) + " must contain {number} exactly once");
        } else {
            check.that("dial", DIAL_REST.matcher(parts[0]).matches() && DIAL_REST.matcher(parts[1]).matches()
                            && parts[0].contains("/"),
                    Check.quote(dial) + " is not a channel like PJSIP/{number}@trunk (letters, digits, / @ . _ : + -)");
        }
        check.between("poll-every", pollEvery, Duration.ofMillis(100), Duration.ofMinutes(1));
        check.wholeSecondsBetween("ring-for", ringFor, 5, 120);
        check.wholeSecondsBetween("queue-timeout", queueTimeout, 5, 1800);
        check.done();
    }

    /** Without a node name: the host name. */
    public Dialler(Boolean enabled, String amiHost, Integer amiPort, String amiUser, String amiSecret, String dial,
                   Duration pollEvery, Duration ringFor, Duration queueTimeout) {
        this(enabled, amiHost, amiPort, amiUser, amiSecret, dial, pollEvery, ringFor, queueTimeout, null);
    }

    public static Dialler defaults() {
        return new Dialler(null, null, null, null, null, null, null, null, null, null);
    }

    /** Whether the secret is one published in this repository (fine in the lab, never in production). */
    public boolean secretIsPublished() {
        return PUBLISHED_SECRETS.contains(amiSecret);
    }

    private static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "-");
            return StringUtils.defaultIfEmpty(StringUtils.truncate(name, 80), "hotline");
        } catch (UnknownHostException e) {
            return "hotline";
        }
    }

    /** The Originate channel for {@code digits}; refuses anything but 3 to 20 digits. */
    public String dialString(String digits) {
        if (digits == null || !DIGITS.matcher(digits).matches()) {
            throw new IllegalArgumentException("not a number to dial (3 to 20 digits): '" + digits + "'");
        }
        return dial.replace(NUMBER, digits);
    }

    /** The same settings with another switch, host, template and timings (tests). */
    public Dialler with(String newDial, Duration newPollEvery, Duration newRingFor) {
        return new Dialler(enabled, amiHost, amiPort, amiUser, amiSecret, newDial, newPollEvery, newRingFor,
                queueTimeout, node);
    }

    @Override
    public String toString() {
        return "Dialler[enabled=" + enabled + ", ami=" + amiUser + "@" + amiHost + ":" + amiPort + ", amiSecret="
                + (amiSecret.isEmpty() ? "" : "***") + ", dial=" + dial + ", pollEvery=" + pollEvery + ", ringFor="
                + ringFor + ", queueTimeout=" + queueTimeout + ", node=" + node + "]";
    }
}
