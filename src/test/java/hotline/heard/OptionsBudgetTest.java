package hotline.heard;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.ConfigLoader;
import hotline.config.HotlineConfig;
import java.io.File;
import java.nio.file.Path;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;

/** Issue "heard from the first second": a silent caller sits through at most 8 s of prompts before the first window. */
class OptionsBudgetTest {

    @Test
    void withTheShippedConfigTheGreetingAndTheOptionsLineTakeAtMostEightSecondsInEveryLanguage() throws Exception {
        HotlineConfig config = ConfigLoader.load(Path.of("config/hotline.yaml"));
        for (String language : config.languages().offered()) {
            double seconds = length(config, language, config.inbound().greeting())
                    + length(config, language, config.languages().optionsPrompt());
            assertThat(seconds).as(language).isLessThanOrEqualTo(8.0);
        }
    }

    private static double length(HotlineConfig config, String language, String key) throws Exception {
        File wav = config.sounds().dir().resolve(language).resolve("hotline").resolve(key + ".wav").toFile();
        var format = AudioSystem.getAudioFileFormat(wav);
        return format.getFrameLength() / (double) format.getFormat().getFrameRate();
    }
}
