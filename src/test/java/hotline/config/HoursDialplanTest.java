package hotline.config;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.hours.DialplanHours;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The §8 fallback knows the opening hours when the server is down: asterisk-conf's
 * [hotline-hours] is what {@code check --print-dialplan-hours} makes of config/hotline.yaml, and
 * the generated lines say what the config says.
 */
class HoursDialplanTest {

    @Test
    void theGeneratedLinesSayTheConfigsHoursInGotoIfTimeAndDateTerms() {
        var hours = ConfigLoader.parse("hours.yaml", """
                hours:
                  time-zone: Asia/Seoul
                  weekly:
                    monday: [09:00-18:00]
                    friday: [09:00-12:30, 20:00-24:00]
                  holidays:
                    "12-25": Christmas; Day
                    "2026-05-05": ""
                    "2026-09-24..2026-09-26": Chuseok
                  open-exceptions:
                    "2026-05-09": [10:00-14:00, 15:00-16:00]
                """).hours().model();
        assertThat(DialplanHours.context(hours, "hours.yaml")).containsExactly(
                "[hotline-hours]",
                "; Generated from hours.yaml (hours:) by: hotline check --print-dialplan-hours --config hours.yaml",
                "; Do not edit by hand: change hours: and paste the new output here (HoursDialplanTest compares them).",
                "; Gosub(hotline-hours,s,1) returns open or closed (GOSUB_RETVAL).",
                "exten => s,1,Set(LOCAL_DAY=${STRFTIME(${EPOCH},Asia/Seoul,%Y%m%d)})   ; the date in Asia/Seoul",
                " same => n,GotoIf($[${LOCAL_DAY} = 20260509]?exception1)   ; exceptional opening",
                " same => n,GotoIfTime(*,*,25,dec,Asia/Seoul?closed)   ; holiday: Christmas Day",
                " same => n,GotoIf($[${LOCAL_DAY} = 20260505]?closed)   ; holiday",
                " same => n,GotoIf($[${LOCAL_DAY} >= 20260924 & ${LOCAL_DAY} <= 20260926]?closed)   ; holiday: Chuseok",
                " same => n,GotoIfTime(09:00-17:59,mon,*,*,Asia/Seoul?open)",
                " same => n,GotoIfTime(09:00-12:29,fri,*,*,Asia/Seoul?open)",
                " same => n,GotoIfTime(20:00-23:59,fri,*,*,Asia/Seoul?open)",
                " same => n(closed),Return(closed)",
                " same => n(open),Return(open)",
                " same => n(exception1),GotoIfTime(10:00-13:59,*,*,*,Asia/Seoul?open)   ; 2026-05-09",
                " same => n,GotoIfTime(15:00-15:59,*,*,*,Asia/Seoul?open)",
                " same => n,Return(closed)");
    }

    @Test
    void theShippedDialplanHasTheShippedConfigsHours() throws IOException {
        var shipped = ConfigLoader.load(Path.of("config/hotline.yaml")).hours().model();
        List<String> generated = DialplanHours.context(shipped, "config/hotline.yaml");
        List<String> conf = Files.readAllLines(Path.of("asterisk-conf/extensions.conf"));
        int start = conf.indexOf("[" + DialplanHours.CONTEXT + "]");
        assertThat(start).as("[hotline-hours] in asterisk-conf/extensions.conf").isNotNegative();
        assertThat(conf.subList(start, Math.min(conf.size(), start + generated.size())))
                .as("asterisk-conf/extensions.conf [hotline-hours] is out of date; paste the output of%n  java -jar "
                        + "target/hotline-ivr.jar check --print-dialplan-hours --config config/hotline.yaml")
                .isEqualTo(generated);
    }

    @Test
    void bothHotlineEntriesAskTheHoursBeforeTheirFallbackPrompt() throws IOException {
        var hotline = DidLanguageMapTest.dialplan().get("hotline");
        for (String exten : List.of("s", "_X.")) {
            assertThat(hotline.get(exten)).as(exten).containsSubsequence(
                    "same => n(fallback),Set(HOTLINE_OUTCOME=fallback:${HOTLINE_WHY})",
                    "same => n,Gosub(hotline-hours,s,1)",
                    "same => n,GotoIf($[\"${GOSUB_RETVAL}\" = \"closed\"]?closed)",
                    "same => n,Playback(hotline/line-adjusting)",
                    "same => n(closed),Playback(hotline/closed-now&hotline/closed-hours&hotline/closed-goodbye)",
                    "same => n,Gosub(hotline-pause,s,1(5))", "same => n,Hangup()");
        }
    }

    @Test
    void everyHotlineCallEndsWithTheEndEventAndTheFallbackPauseSendsSilenceFrames() throws IOException {
        var dialplan = DidLanguageMapTest.dialplan();
        // the tests (and ops' screens) wait for HotlineCallEnded: it must be [hotline]'s own h extension
        assertThat(dialplan.get("hotline").get("h")).singleElement().asString()
                .startsWith("exten => h,1,UserEvent(HotlineCallEnded,");
        assertThat(dialplan.get("hotline-pause").get("s")).containsExactly("exten => s,1,Playtones(!0/${ARG1}000)",
                "same => n,Wait(${ARG1})", "same => n,StopPlaytones()", "same => n,Return()");
        assertThat(dialplan.get("hotline-pause").get("h")).containsExactly("exten => h,1,Goto(hotline,h,1)");
    }
}
