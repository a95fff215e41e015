package com.policyconsole.console.adapter.in.web;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like session for form tests: fetches a page, keeps its CSRF cookie and posts forms with the token. */
final class FormSession {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    final String cookie;
    final String token;

    private FormSession(String cookie, String token) {
        this.cookie = cookie;
        this.token = token;
    }

    /** Opens {@code page} and reads the CSRF cookie and form token from it. */
    static FormSession open(String page) {
        Response response = given().redirects().follow(false).when().get(page);
        Matcher m = TOKEN.matcher(response.asString());
        if (!m.find()) {
            throw new AssertionError("no CSRF token on " + page + " (status " + response.statusCode() + ")");
        }
        return new FormSession(response.getCookie("csrf-token"), m.group(1));
    }

    /** A form POST with the session's cookie and token. */
    RequestSpecification form() {
        return given().redirects().follow(false).cookie("csrf-token", cookie)
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", token);
    }
}
