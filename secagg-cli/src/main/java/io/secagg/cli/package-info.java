/**
 * The {@code secagg} command line: {@code simulate}, {@code certs}, {@code serve} and {@code
 * join}. An application, not a library: nothing here is API beyond {@link io.secagg.cli.Secagg}'s
 * entry point.
 *
 * <p>It runs on the class path (the runnable jar {@code secagg-cli/target/secagg.jar} merges it
 * with its dependencies) and has no module descriptor: it depends on {@code
 * secagg-transport-grpc}, which has none either (gRPC is not modular), and a descriptor that
 * requires it would not compile in a reactor build that stops before {@code package}, where that
 * module is a directory of classes without a module name.
 */
package io.secagg.cli;
