package hotline.cli;

import hotline.ops.Build;
import picocli.CommandLine.IVersionProvider;

/** {@code hotline --version}: the version the build wrote into hotline/version.properties (the pom's). */
public final class BuildVersion implements IVersionProvider {

    /** The build's version, e.g. {@code 0.1.0-SNAPSHOT}; {@code unknown} when run from unfiltered classes. */
    public static String version() {
        return Build.version();
    }

    @Override
    public String[] getVersion() {
        return new String[] {"hotline-ivr " + version()};
    }
}
