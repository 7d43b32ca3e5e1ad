package hotline.lab;

/**
 * What lab test classes share and so must take in turn when failsafe runs them side by side
 * (JUnit parallel classes, pom.xml; docs/lab.md#classes-side-by-side). A class that uses none of
 * it runs beside any other; a class that changes the whole lab (the dialplan, a load of hundreds
 * of calls, killed servers) is {@code @Isolated} instead.
 */
public final class LabLocks {

    /**
     * The shipped queues {@code hotline} and {@code teamlead}, the robot agent
     * {@code Local/s@robot-agent} (one device state, so one class's busy agent is every queue's
     * busy agent), and callback diallers: every AMI session hears every dialler's events, which
     * name only store ids, and each test store counts its ids from 1.
     */
    public static final String SHARED_LINES = "lab:hotline-teamlead-robot-agent-diallers";

    private LabLocks() {}
}
