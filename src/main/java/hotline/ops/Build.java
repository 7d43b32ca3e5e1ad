package hotline.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version the build wrote into hotline/version.properties (the pom's). */
public final class Build {

    private Build() {
    }

    /** E.g. {@code 0.1.0-SNAPSHOT}; {@code unknown} when run from unfiltered classes. */
    public static String version() {
        try (InputStream in = Build.class.getResourceAsStream("/hotline/version.properties")) {
            if (in == null) return "unknown";
            var p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
