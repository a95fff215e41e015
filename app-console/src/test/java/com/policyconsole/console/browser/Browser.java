package com.policyconsole.console.browser;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** Headless Debian Chromium driven by Selenium, with helpers for the console's pages and screenshots. */
final class Browser implements AutoCloseable {

    private final ChromeDriver driver;
    private final String base;
    private final HeadlessChromium chromium;

    Browser(String base) throws IOException {
        this.base = base;
        this.chromium = new HeadlessChromium("1280,1600");
        this.driver = chromium.driver();
    }

    void open(String path) {
        driver.get(base + path);
    }

    void logIn(String user, String password) {
        open("/login");
        type("j_username", user);
        type("j_password", password);
        chromium.clickAndWaitForNextPage(driver.findElement(By.cssSelector("form[action='/j_security_check'] button[type=submit]")));
    }

    void logOut() {
        chromium.clickAndWaitForNextPage(driver.findElement(By.cssSelector("form.logout button")));
    }

    void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    void click(String id) {
        List<WebElement> found = driver.findElements(By.id(id));
        if (found.isEmpty()) {
            String page = text();
            throw new AssertionError("no #" + id + " on " + path() + "; the page says: "
                    + page.substring(0, Math.min(page.length(), 3000)));
        }
        chromium.clickAndWaitForNextPage(found.get(0));
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

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String text(String cssSelector) {
        List<WebElement> found = driver.findElements(By.cssSelector(cssSelector));
        if (found.isEmpty()) {
            String page = text();
            throw new AssertionError("no " + cssSelector + " on " + path() + "; the page says: "
                    + page.substring(0, Math.min(page.length(), 3000)));
        }
        return found.get(0).getText();
    }

    String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    String cookie(String name) {
        var cookie = driver.manage().getCookieNamed(name);
        return cookie == null ? null : cookie.getValue();
    }

    String attribute(String cssSelector, String attribute) {
        return driver.findElement(By.cssSelector(cssSelector)).getDomAttribute(attribute);
    }

    boolean present(String cssSelector) {
        return !driver.findElements(By.cssSelector(cssSelector)).isEmpty();
    }

    /** Saves a full-window PNG under target/screenshots. */
    Path screenshot(String name) throws IOException {
        return chromium.screenshot(name);
    }

    @Override
    public void close() throws IOException {
        chromium.close();
    }
}
