package com.policyconsole.bench.adapter;

/** One client under test: creates the benchmark rule once per call, blocking, and says whether it was accepted. */
interface RuleCreator extends AutoCloseable {

    /**
     * Sends "Adding a Rule" once.
     *
     * @return a description of what went wrong, or {@code null} when the rule was accepted with the stub's ID
     */
    String createRule();

    @Override
    default void close() {
    }
}
