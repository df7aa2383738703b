package dev.pausepoint.benchmark;

/**
 * What every phase works with: the running stack, the client that loads it, the developer whose keys
 * and pauses it uses, the command line, and the report it adds its figures to.
 */
record Harness(Stack stack, Client client, Developer developer, Options options, Report report) {
}
