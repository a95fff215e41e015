package com.policyconsole.console.abuse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import com.policyconsole.console.browser.HeadlessChromium;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Headless Debian Chromium for script-injection checks: fills fields through the DOM (so that any character
 * arrives as typed, line breaks included, without submitting the form early), follows form submissions, and
 * reports what a successful injection would leave behind — the {@code window.__xss} marker, an open alert, or
 * an element that only a payload could have added.
 */
final class PayloadBrowser implements AutoCloseable {

    /** Elements the console's pages never contain; each payload would add one if it were not escaped. */
    static final String INJECTED_ELEMENTS = "script, img, svg, iframe, object, embed, [onerror], [onload], [onclick]";

    private final ChromeDriver driver;
    private final String base;
    private final HeadlessChromium chromium;

    PayloadBrowser(String base) throws IOException {
        this.base = base;
        this.chromium = new HeadlessChromium("1280,1800");
        this.driver = chromium.driver();
    }

    void open(String pathAndQuery) {
        driver.get(base + pathAndQuery);
    }

    void logIn(String user, String password) {
        open("/login");
        fill("j_username", user);
        fill("j_password", password);
        chromium.clickAndWaitForNextPage(driver.findElement(By.cssSelector("form[action='/j_security_check'] button[type=submit]")));
    }

    void logOut() {
        chromium.clickAndWaitForNextPage(driver.findElement(By.cssSelector("form.logout button")));
    }

    /** Sets a field's value as if typed, whatever characters it holds. */
    void fill(String id, String text) {
        driver.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, text);
    }

    /** The value a field holds now (for a text area, what is inside it). */
    String value(String cssSelector) {
        return (String) driver.executeScript("return document.querySelector(arguments[0]).value;", cssSelector);
    }

    /** The ids of the visible text inputs and text areas inside {@code formSelector}. */
    @SuppressWarnings("unchecked")
    List<String> textFields(String formSelector) {
        return (List<String>) driver.executeScript("return Array.from(document.querySelectorAll(arguments[0] + "
                + "' input[type=text], ' + arguments[0] + ' textarea')).map(e => e.id);", formSelector);
    }

    void check(String cssSelector) {
        WebElement box = driver.findElement(By.cssSelector(cssSelector));
        if (!box.isSelected()) {
            box.click();
        }
    }

    void select(String id, String value) {
        driver.findElement(By.cssSelector("select#" + id + " option[value='" + value + "']")).click();
    }

    boolean present(String cssSelector) {
        return !driver.findElements(By.cssSelector(cssSelector)).isEmpty();
    }

    /** Clicks the element with this id and waits for the page it leads to. */
    void click(String id) {
        List<WebElement> found = driver.findElements(By.id(id));
        if (found.isEmpty()) {
            throw new AssertionError("no #" + id + " on " + path() + "; the page says: " + abbreviate(text()));
        }
        chromium.clickAndWaitForNextPage(found.get(0));
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String text(String cssSelector) {
        return driver.findElement(By.cssSelector(cssSelector)).getText();
    }

    String attribute(String cssSelector, String attribute) {
        return driver.findElement(By.cssSelector(cssSelector)).getDomAttribute(attribute);
    }

    String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    String cookie(String name) {
        var cookie = driver.manage().getCookieNamed(name);
        return cookie == null ? null : cookie.getValue();
    }

    /** Whether a payload ran: the marker is set. */
    boolean markerSet() {
        return Boolean.TRUE.equals(driver.executeScript("return window.__xss !== undefined;"));
    }

    /** Whether an alert, confirm or prompt dialog is open. */
    boolean dialogOpen() {
        try {
            driver.switchTo().alert();
            return true;
        } catch (NoAlertPresentException e) {
            return false;
        }
    }

    /** How many elements of the page only an injected payload could have added. */
    long injectedElements() {
        return (Long) driver.executeScript("return document.querySelectorAll(arguments[0]).length;", INJECTED_ELEMENTS);
    }

    Path screenshot(String name) throws IOException {
        return chromium.screenshot(name);
    }


    private static String abbreviate(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000) + "…";
    }

    @Override
    public void close() throws IOException {
        chromium.close();
    }
}
