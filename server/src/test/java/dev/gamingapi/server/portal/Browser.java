package dev.gamingapi.server.portal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver. The paths are given explicitly
 * so that Selenium Manager never tries to download a browser or a driver (there is no internet
 * here). Without Chromium the test is skipped, saying how to install it; {@code ./run-tests}
 * installs it.
 */
final class Browser implements AutoCloseable {
  private static final Path CHROMIUM =
      Path.of(System.getenv().getOrDefault("GAMINGAPI_CHROMIUM", "/usr/bin/chromium"));
  private static final Path DRIVER =
      Path.of(System.getenv().getOrDefault("GAMINGAPI_CHROMEDRIVER", "/usr/bin/chromedriver"));
  private static final Duration WAIT = Duration.ofSeconds(20);
  // The tests use WebDriver only, never the DevTools protocol, for which Selenium ships bindings of
  // a few Chrome versions and warns at every start about Debian's; kept in a field so that the
  // logger (and its level) is not garbage-collected.
  private static final java.util.logging.Logger DEVTOOLS_LOG =
      quiet("org.openqa.selenium.devtools");

  final WebDriver driver;
  final Path downloads;
  private final Path profile;

  private Browser(WebDriver driver, Path downloads, Path profile) {
    this.driver = driver;
    this.downloads = downloads;
    this.profile = profile;
  }

  /** A browser window of {@code width} x {@code height} CSS pixels. */
  static Browser start(int width, int height) throws IOException {
    return start(width, height, false);
  }

  /**
   * A phone-sized viewport ({@code width} CSS pixels may be below the smallest window Chromium
   * opens, so it is emulated).
   */
  static Browser phone(int width, int height) throws IOException {
    return start(width, height, true);
  }

  private static Browser start(int width, int height, boolean emulated) throws IOException {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "Chromium is not installed: sudo apt-get install -y chromium chromium-driver"
            + " (./run-tests installs it)");
    System.setProperty("webdriver.chrome.driver", DRIVER.toString());
    Path profile = Files.createTempDirectory("portal-chromium-");
    Path downloads = Files.createDirectories(profile.resolve("downloads"));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        "--user-data-dir=" + profile.resolve("profile"),
        "--window-size=" + width + "," + height);
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "download.default_directory",
            downloads.toString(),
            "download.prompt_for_download",
            false));
    if (emulated) {
      options.setExperimentalOption(
          "mobileEmulation",
          Map.of("deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 1.0)));
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    return new Browser(new ChromeDriver(service, options), downloads, profile);
  }

  private static java.util.logging.Logger quiet(String name) {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
    logger.setLevel(java.util.logging.Level.SEVERE);
    return logger;
  }

  void open(String url) {
    driver.get(url);
  }

  WebElement find(String css) {
    return until(d -> d.findElement(By.cssSelector(css)));
  }

  /** Waits until {@code condition} answers non-null and not false; answers it. */
  <T> T until(Function<WebDriver, T> condition) {
    try {
      return new WebDriverWait(driver, WAIT)
          .ignoring(RuntimeException.class)
          .until(condition::apply);
    } catch (TimeoutException e) {
      throw new AssertionError("the page never got there; it shows:\n" + pageText(), e);
    }
  }

  /** What the page shows, for failure messages; also saved as target/portal-failure.png. */
  String pageText() {
    try {
      Files.write(
          Path.of("target", "portal-failure.png"),
          ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return driver.getCurrentUrl() + "\n" + driver.findElement(By.tagName("body")).getText();
    } catch (RuntimeException | IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  /** Waits until the page's text contains {@code text}. */
  void waitForText(String text) {
    until(d -> d.findElement(By.tagName("body")).getText().contains(text));
  }

  Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
