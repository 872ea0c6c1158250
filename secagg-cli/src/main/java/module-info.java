/**
 * The {@code secagg} command line. An application, not a library: it exports nothing, and opens
 * its package to picocli, which reads the command classes' annotations and sets their fields by
 * reflection.
 *
 * <p>The runnable jar ({@code secagg-cli/target/secagg.jar}) merges this module with its
 * dependencies and runs on the class path; this descriptor is what javac checks the module
 * boundaries against.
 */
module io.secagg.cli {
  requires io.secagg.core;
  requires io.secagg.he;
  requires io.secagg.dp;
  requires info.picocli;
  // Heap high-water figures for the simulate report.
  requires java.management;

  opens io.secagg.cli to info.picocli;
}
