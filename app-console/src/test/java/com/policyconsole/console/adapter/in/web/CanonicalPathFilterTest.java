package com.policyconsole.console.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalPathFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api;x/v1/history", "/a/../b", "/a/./b", "/a/%2E%2E/b", "/a%2fb", "/a%5Cb", "/a\\b",
            "//a", "/a//b", "/a%3bb", "/a%00", "/a%252e", "relative", "/a b", "/a\tb"})
    void aPathNotInItsCanonicalSpellingIsRefused(String uri) {
        assertThat(CanonicalPathFilter.problem(uri)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api/v1/history", "/history?object=10.0.0.0/8&x=a;b", "/css/console.css",
            "/rules/rule-1/evaluate", "/history/12?x=..%2F", "/q/health/ready"})
    void aCanonicalPathPasses(String uri) {
        assertThat(CanonicalPathFilter.problem(uri)).isEmpty();
    }
}
