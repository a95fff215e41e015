package com.policyconsole.console.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Headless Debian Chromium driven by Selenium, with helpers for the console's pages and screenshots. */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final String base;
    private final Path profile;

    Browser(String base) throws IOException {
        this.base = base;
        this.profile = Files.createTempDirectory("policy-console-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1600", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    void open(String path) {
        driver.get(base + path);
    }

    void logIn(String user, String password) {
        open("/login");
        type("j_username", user);
        type("j_password", password);
        clickAndWaitForNextPage(driver.findElement(By.cssSelector("form[action='/j_security_check'] button[type=submit]")));
    }

    void logOut() {
        clickAndWaitForNextPage(driver.findElement(By.cssSelector("form.logout button")));
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
        clickAndWaitForNextPage(found.get(0));
    }

    /** Clicks an element that submits a form or follows a link, and waits until the next page has loaded. */
    private void clickAndWaitForNextPage(WebElement element) {
        WebElement current = driver.findElement(By.tagName("html"));
        element.click();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                current.getTagName();
                Thread.sleep(25);
            } catch (org.openqa.selenium.WebDriverException e) {
                // stale, or "node does not belong to the document": the next page has replaced this one
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        while (System.nanoTime() < deadline
                && !"complete".equals(driver.executeScript("return document.readyState"))) {
            Thread.onSpinWait();
        }
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
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
