package io.secagg.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The lines of {@code secagg --version}: the build's version (from {@code version.properties},
 * filled in by Maven) and the Java runtime it runs on.
 */
final class VersionProvider implements IVersionProvider {
  VersionProvider() {}

  @Override
  public String[] getVersion() {
    return new String[] {
      "secagg " + version(),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name")
          + ", " + System.getProperty("java.vendor") + ")"
    };
  }

  /** The project version this jar was built as, or "unknown" outside a Maven build. */
  static String version() {
    Properties p = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read version.properties", e);
    }
    String v = p.getProperty("version", "unknown");
    // An unfiltered copy (an IDE build) still has the placeholder.
    return v.startsWith("${") ? "unknown" : v;
  }
}
