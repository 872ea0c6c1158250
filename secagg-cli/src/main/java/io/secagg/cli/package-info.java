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
 *
 * <p>Running on the class path is also what lets {@code join --stall-at} (a hidden option for
 * fault-injection tests) work: the transport offers its client hooks only package-private, so
 * {@link io.secagg.transport.grpc.StallBridge}, a class of this module in the transport's
 * package, installs one. It should go once the transport has a public hook for it.
 */
package io.secagg.cli;
