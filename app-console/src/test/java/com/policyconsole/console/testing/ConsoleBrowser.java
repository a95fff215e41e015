package com.policyconsole.console.testing;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Headless Debian Chromium (throw-away profile) driven by Selenium through the console's pages, with screenshots. */
public final class ConsoleBrowser implements AutoCloseable {

    /** Where {@link #screenshot} saves its PNGs. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Elements the console's pages never contain; a script payload would add one if it were not escaped. */
    public static final String INJECTED_ELEMENTS =
            "script, img, svg, iframe, object, embed, [onerror], [onload], [onclick]";

    private static final String WINDOW_SIZE = "1280,1800";
    private static final int PAGE_TEXT_IN_ERRORS = 3000;

    private final String base;
    private final Path profile;
    private final ChromeDriver driver;

    /** Starts Chromium for the console at {@code base} (scheme, host and port, no trailing slash). */
    public ConsoleBrowser(String base) throws IOException {
        this.base = base;
        this.profile = Files.createTempDirectory("policy-console-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=" + WINDOW_SIZE, "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    /** Opens {@code pathAndQuery} of the console. */
    public void open(String pathAndQuery) {
        driver.get(base + pathAndQuery);
    }

    /** Logs in through the login page and waits for the page it leads to. */
    public void logIn(String user, String password) {
        open("/login");
        type("j_username", user);
        type("j_password", password);
        clickAndWaitForNextPage(driver.findElement(
                By.cssSelector("form[action='/j_security_check'] button[type=submit]")));
    }

    /** Clicks "Log out" and waits for the page it leads to. */
    public void logOut() {
        clickAndWaitForNextPage(driver.findElement(By.cssSelector("form.logout button")));
    }

    /**
     * The second person's turn: logs out, logs in as {@code approver}, approves {@code approvalPage} with
     * {@code reason}, and logs back in as {@code requester}.
     */
    public void approveAs(TestUserFactory.TestUser approver, String approvalPage, String reason,
                          TestUserFactory.TestUser requester) {
        logOut();
        logIn(approver.name(), approver.password());
        open(approvalPage);
        fill("reason", reason);
        click("approve");
        logOut();
        logIn(requester.name(), requester.password());
    }

    /** Types {@code text} into the field with this id with the keyboard, replacing what it held. */
    public void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Sets the value of the field with this id through the DOM, whatever characters it holds (line breaks too). */
    public void fill(String id, String text) {
        driver.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, text);
    }

    /** Clicks the element with this id and waits for the page it leads to. */
    public void click(String id) {
        List<WebElement> found = driver.findElements(By.id(id));
        if (found.isEmpty()) {
            throw new AssertionError("no #" + id + " on " + path() + "; the page says: " + abbreviate(text()));
        }
        clickAndWaitForNextPage(found.get(0));
    }

    /** Ticks the check box or radio button {@code cssSelector} unless it is ticked already. */
    public void check(String cssSelector) {
        WebElement box = driver.findElement(By.cssSelector(cssSelector));
        if (!box.isSelected()) {
            box.click();
        }
    }

    /** Chooses the option {@code value} of the select with this id. */
    public void select(String id, String value) {
        driver.findElement(By.cssSelector("select#" + id + " option[value='" + value + "']")).click();
    }

    /** The text the page shows. */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** The text of the first element {@code cssSelector}, which must be on the page. */
    public String text(String cssSelector) {
        List<WebElement> found = driver.findElements(By.cssSelector(cssSelector));
        if (found.isEmpty()) {
            throw new AssertionError("no " + cssSelector + " on " + path() + "; the page says: " + abbreviate(text()));
        }
        return found.get(0).getText();
    }

    /** The value a field holds now (for a text area, what is inside it). */
    public String value(String cssSelector) {
        return (String) driver.executeScript("return document.querySelector(arguments[0]).value;", cssSelector);
    }

    /** The ids of the text inputs and text areas inside {@code formSelector}. */
    @SuppressWarnings("unchecked")
    public List<String> textFields(String formSelector) {
        return (List<String>) driver.executeScript("return Array.from(document.querySelectorAll(arguments[0] + "
                + "' input[type=text], ' + arguments[0] + ' textarea')).map(e => e.id);", formSelector);
    }

    /** The attribute {@code attribute} of the element {@code cssSelector} as the page's markup gives it. */
    public String attribute(String cssSelector, String attribute) {
        return driver.findElement(By.cssSelector(cssSelector)).getDomAttribute(attribute);
    }

    /** Whether the page has an element {@code cssSelector}. */
    public boolean present(String cssSelector) {
        return !driver.findElements(By.cssSelector(cssSelector)).isEmpty();
    }

    /** The path of the current page. */
    public String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    /** The value of the browser's cookie {@code name}, or {@code null}. */
    public String cookie(String name) {
        var cookie = driver.manage().getCookieNamed(name);
        return cookie == null ? null : cookie.getValue();
    }

    /** Whether a script payload ran: {@code window.__xss} is set. */
    public boolean scriptMarkerSet() {
        return Boolean.TRUE.equals(driver.executeScript("return window.__xss !== undefined;"));
    }

    /** Whether an alert, confirm or prompt dialog is open. */
    public boolean dialogOpen() {
        try {
            driver.switchTo().alert();
            return true;
        } catch (NoAlertPresentException e) {
            return false;
        }
    }

    /** How many elements of the page only an injected payload could have added ({@link #INJECTED_ELEMENTS}). */
    public long injectedElements() {
        return (Long) driver.executeScript("return document.querySelectorAll(arguments[0]).length;", INJECTED_ELEMENTS);
    }

    /** Marks the page now shown, so that {@link #samePage()} tells whether it was reloaded or left since. */
    public void markPage() {
        driver.executeScript("window.__marked = true;");
    }

    /** Whether the page marked by {@link #markPage()} is still the one shown (no reload, no navigation). */
    public boolean samePage() {
        return Boolean.TRUE.equals(driver.executeScript("return window.__marked === true;"));
    }

    /**
     * Waits, without reloading (a page that reloads itself is read again), until the element {@code cssSelector} shows
     * {@code expected}; false if it never does.
     */
    public boolean awaitText(String cssSelector, String expected, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                List<WebElement> found = driver.findElements(By.cssSelector(cssSelector));
                if (!found.isEmpty() && found.get(0).getText().contains(expected)) {
                    return true;
                }
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                // the page reloaded itself (it follows something running) between finding and reading: look again
            } catch (org.openqa.selenium.WebDriverException e) {
                // Chromium 156 reports the same race as "Node with given id does not belong to the document"
                if (e.getMessage() == null || !e.getMessage().contains("does not belong to the document")) {
                    throw e;
                }
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** Saves a full-window PNG under target/screenshots. */
    public Path screenshot(String name) throws IOException {
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /** Quits Chromium and deletes its profile. */
    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
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
            } catch (WebDriverException e) {
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

    private static String abbreviate(String text) {
        return text.length() <= PAGE_TEXT_IN_ERRORS ? text : text.substring(0, PAGE_TEXT_IN_ERRORS) + "…";
    }
}
