package dev.gamingapi.server.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gamingapi.contract.event.PlayerConnected;
import dev.gamingapi.contract.event.PlayerKilled;
import dev.gamingapi.sdk.CommandReceiver;
import dev.gamingapi.sdk.GameServerClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The portal end to end in headless Chromium, as one owner's story told in order: each step builds
 * on the previous one (the server it registers, the creds it downloads, the events published with
 * them), so the steps run in order on one platform and one browser.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalJourneyTest {
  private PortalWorld world;
  private Browser browser;
  private String ownerToken;
  private Path creds;
  private GameServerClient game;
  private final List<String> kicked = new CopyOnWriteArrayList<>();

  @BeforeAll
  void start(@TempDir Path dataDir) throws Exception {
    browser = Browser.start(1280, 900);
    world = PortalWorld.start(dataDir);
    ownerToken = world.accountWithOwner("arena", "alice");
  }

  @AfterAll
  void stop() {
    if (game != null) {
      game.close();
    }
    if (browser != null) {
      browser.close();
    }
    if (world != null) {
      world.close();
    }
  }

  @Test
  @Order(1)
  void anOwnerSignsInRegistersAServerAndDownloadsTheCredsOfItsGameServerUser() throws Exception {
    signIn(ownerToken);
    assertThat(browser.find("#who").getText()).contains("alice").contains("arena");
    assertThat(browser.driver.getCurrentUrl()).doesNotContain(ownerToken);

    page("Servers");
    fill("form input[name=id]", "eu-1");
    submit("form input[name=id]");
    browser.waitForText("Server eu-1 registered");
    browser.until(d -> d.findElement(By.cssSelector("table")).getText().contains("eu-1"));
    assertAccessible();

    page("Users");
    fill("form input[name=name]", "eu-1-host");
    new Select(browser.find("select[name=kind]")).selectByValue("game_server");
    new Select(browser.find("select[name=server]")).selectByValue("eu-1");
    submit("form input[name=name]");
    browser.find("#download-creds").click();
    creds = browser.downloads.resolve("eu-1-host.creds");
    browser.until(d -> Files.exists(creds) && size(creds) > 0);
    assertThat(Files.readString(creds)).startsWith("-----BEGIN NATS USER JWT-----");
    assertThat(browser.find("#new-token").getAttribute("value")).startsWith("gapi_");
    browser.waitForText("Shown once");
    assertAccessible();
  }

  @Test
  @Order(2)
  void eventsPublishedWithThoseCredsShowLiveAndResumeAfterAPauseWithoutAGap() throws Exception {
    page("Live events");
    browser.until(d -> d.findElement(By.id("stream-state")).getText().startsWith("Live"));
    assertAccessible();
    game =
        GameServerClient.builder()
            .url(world.brokerUrl())
            .credentials(creds)
            .journalDir(Files.createTempDirectory("portal-journal-"))
            .build();
    game.publish(new PlayerConnected("p1", "Ada", null));
    game.publish(new PlayerConnected("p2", "Bob", null));
    game.publish(new PlayerKilled("p1", "p2", "rifle", null, null));
    game.publish(new PlayerKilled("p1", "p2", "rifle", null, null));
    game.publish(new PlayerKilled("p2", "p1", "knife", null, null));
    game.flush(Duration.ofSeconds(10));
    browser.until(d -> rows().size() == 5);
    assertThat(rows().get(0).getText()).contains("player.killed").contains("knife");

    browser.find("#pause").click();
    browser.waitForText("Paused after event 5");
    game.publish(new PlayerConnected("p3", "Cy", null));
    game.flush(Duration.ofSeconds(10));
    browser.find("#pause").click();
    browser.until(d -> rows().size() == 6);
    assertThat(rows().get(0).getText()).contains("p3");
    List<Long> sequences =
        rows().stream().map(row -> Long.parseLong(row.getAttribute("data-sequence"))).toList();
    assertThat(sequences)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 6).map(i -> 7 - i).boxed().toList());
  }

  @Test
  @Order(3)
  void theServerAndPlayerPagesChartThoseEventsOverTime() {
    // Order 2 published, as eu-1, connects of p1, p2 and p3 and three kills (two by p1).
    page("Servers");
    browser.until(d -> chartSummary(d, "Events per minute on eu-1").contains("Events: 6 in all"));
    // The page redraws its charts as it polls: each look is retried on a fresh element.
    browser.until(d -> chartSummary(d, "Players online on eu-1").contains("at most 3"));
    // A line with a point per minute of the hour, and bars where the events are.
    browser.until(d -> points(d) == 60);
    browser.until(d -> !d.findElements(By.cssSelector("svg.chart rect.bar-events")).isEmpty());
    assertAccessible();
    browser.find("button[data-range=day]").click();
    browser.until(d -> chartSummary(d, "Events per 5 minutes on eu-1").contains("6 in all"));
    browser.until(d -> points(d) == 288);

    page("Overview");
    browser.until(d -> chartSummary(d, "Events per minute, all servers").contains("6 in all"));

    browser.open(world.url() + "/#/players/p1");
    browser.until(d -> chartSummary(d, "Events of p1 per 10 minutes").contains("3 in all"));
    browser.find("button[data-range=week]").click();
    browser.until(d -> chartSummary(d, "Events of p1 per hour").contains("3 in all"));
    assertThat(browser.find("button[data-range=week]").getAttribute("aria-pressed"))
        .isEqualTo("true");
    assertAccessible();
  }

  /** The points of the first line of the page's charts. */
  private static int points(org.openqa.selenium.WebDriver driver) {
    return driver
        .findElement(By.cssSelector("svg.chart path.line-online"))
        .getAttribute("d")
        .split("L")
        .length;
  }

  /** The text summary under the chart titled {@code title}, "" while there is none. */
  private static String chartSummary(org.openqa.selenium.WebDriver driver, String title) {
    for (WebElement figure : driver.findElements(By.cssSelector("figure.chart-figure"))) {
      if (figure.findElement(By.tagName("figcaption")).getText().startsWith(title)) {
        return figure.findElement(By.className("chart-summary")).getText();
      }
    }
    return "";
  }

  @Test
  @Order(4)
  void theLeaderboardPageShowsTheRankingAndFindsAPlayerAndThoseAroundHim() {
    page("Leaderboards");
    assertAccessible();
    WebElement define = browser.find("#lb-def").findElement(By.xpath(".."));
    define.findElement(By.cssSelector("input[name=name]")).sendKeys("kills");
    define.findElement(By.cssSelector("button[type=submit]")).click();
    browser.until(d -> d.getCurrentUrl().endsWith("#/leaderboards/kills"));
    browser.waitForText("Leaderboard kills");
    // The board counts past events in the background: reload until the ranking is there.
    browser.until(
        d -> {
          String text = d.findElement(By.tagName("main")).getText();
          if (text.contains("1\tp1") || text.contains("1 p1 2")) {
            return true;
          }
          d.navigate().refresh();
          return false;
        });
    WebElement board = browser.find("#lb-view").findElement(By.xpath(".."));
    assertThat(board.findElement(By.cssSelector("table tbody tr")).getText()).isEqualTo("1 p1 2");
    assertThat(browser.find("#lb-all").findElement(By.xpath("..")).getText()).contains("kills");

    WebElement find = browser.find("input[name=player]");
    find.sendKeys("p2");
    find.submit();
    browser.waitForText("p2 (found)");
  }

  @Test
  @Order(5)
  void aCommandSentFromTheConsoleReachesTheSdkHandlerAndShowsSucceeded() throws Exception {
    try (CommandReceiver receiver =
        CommandReceiver.builder(game)
            .on(
                "kick",
                command -> {
                  kicked.add(command.args().path("player").asText());
                  return Map.of("kicked", command.args().path("player").asText());
                })
            .start()) {
      page("Commands");
      assertAccessible();
      new Select(browser.find("select[name=server]")).selectByValue("eu-1");
      fill("form input[name=name]", "kick");
      WebElement args = browser.find("textarea[name=args]");
      args.clear();
      args.sendKeys("{\"player\": \"p2\"}");
      submit("form input[name=name]");
      browser.until(d -> d.findElement(By.id("command-status")).getText().equals("succeeded"));
      assertThat(browser.find("#command-result").getText()).contains("\"kicked\":\"p2\"");
      assertThat(kicked).containsExactly("p2");
    }
  }

  @Test
  @Order(6)
  void aTokenOfAnotherTenantSeesNoneOfIt() {
    String rival = world.accountWithOwner("rival", "mallory");
    signIn(rival);
    assertThat(browser.find("#who").getText()).contains("rival");

    page("Servers");
    browser.waitForText("No server registered yet.");
    page("Live events");
    browser.until(d -> d.findElement(By.id("stream-state")).getText().startsWith("Live"));
    assertThat(rows()).isEmpty();
    browser.open(world.url() + "/#/leaderboards/kills");
    browser.waitForText("Not found");
    assertThatThrownBy(() -> world.call(rival, "GET", "/accounts/arena/events", null))
        .hasMessageContaining("404");
  }

  @Test
  @Order(7)
  void aRevokedTokenIsSignedOutWithAReadableMessage() {
    String bob = world.owner("arena", "bob");
    signIn(bob);
    page("Servers"); // polls the API: the next request after the revocation gets 401
    browser.waitForText("eu-1");
    world.operator("DELETE", "/accounts/arena/users/bob", null);
    browser.until(
        d -> d.findElement(By.id("signin-status")).getText().contains("revoked or expired"));
    assertThat(browser.find("#signin-page").isDisplayed()).isTrue();
    assertThat(browser.script("return sessionStorage.getItem('gamingapi.token')")).isNull();
  }

  @Test
  @Order(8)
  void theOperatorChangesAPlanAndOpensAnAccountWithTheOwnerPages() {
    signIn(world.operatorToken);
    assertThat(browser.find("#who").getText()).isEqualTo("Operator");
    browser.waitForText("Accounts and plans");
    assertAccessible();
    new Select(browser.find("select[aria-label='Plan of rival']")).selectByValue("free");
    browser
        .find("select[aria-label='Plan of rival']")
        .findElement(By.xpath("following-sibling::button"))
        .click();
    browser.waitForText("rival is now on plan free.");
    assertThat(world.operator("GET", "/accounts/rival", null).path("plan").asText())
        .isEqualTo("free");
    fill("form input[name=name]", "newco");
    submit("form input[name=name]");
    browser.waitForText("Account newco created.");
    assertThat(world.operator("GET", "/accounts/newco", null).path("plan").asText())
        .isEqualTo("free");

    browser
        .find("select[aria-label='Plan of arena']")
        .findElement(By.xpath("ancestor::tr//button[text()='Open']"))
        .click();
    browser.waitForText("Usage of plan standard");
    assertThat(browser.find("nav").getText()).contains("Account arena").contains("Live events");
  }

  @Test
  @Order(9)
  void onAPhoneTheKeyboardSignsInAndEveryPageFitsTheScreen() throws Exception {
    try (Browser phone = Browser.phone(375, 812)) {
      phone.open(world.url() + "/");
      WebElement body = phone.find("body");
      body.sendKeys(Keys.TAB);
      assertThat(phone.script("return document.activeElement.className")).isEqualTo("skip");
      phone.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
      assertThat(phone.script("return document.activeElement.id")).isEqualTo("main");
      phone.driver.switchTo().activeElement().sendKeys(Keys.TAB);
      assertThat(phone.script("return document.activeElement.id")).isEqualTo("token");
      phone.driver.switchTo().activeElement().sendKeys(ownerToken, Keys.ENTER);
      phone.until(d -> d.findElement(By.id("nav")).isDisplayed());

      for (String page :
          List.of(
              "overview",
              "servers",
              "users",
              "sharing",
              "events",
              "leaderboards/kills",
              "players/p1",
              "commands",
              "notifications",
              "audit")) {
        phone.open(world.url() + "/#/" + page);
        phone.until(d -> d.findElement(By.cssSelector("#page h1")).isDisplayed());
        phone.until(d -> d.findElements(By.cssSelector("[aria-busy=true]")).isEmpty());
        assertThat(phone.script("return document.documentElement.scrollWidth <= innerWidth"))
            .as("the page %s scrolls sideways on a phone", page)
            .isEqualTo(true);
        Accessibility.check(phone);
      }
      // The charts fit the phone's width and keep their text at the page's size.
      for (String page : List.of("overview", "servers", "players/p1")) {
        phone.open(world.url() + "/#/" + page);
        phone.until(
            d -> !d.findElements(By.cssSelector("svg.chart path, svg.chart rect")).isEmpty());
        assertThat(
                phone.script(
                    "return [...document.querySelectorAll('svg.chart')]"
                        + ".every(s => s.getBoundingClientRect().right <= innerWidth)"))
            .as("the charts of %s fit the phone", page)
            .isEqualTo(true);
        assertThat(
                phone.script(
                    "return parseFloat(getComputedStyle("
                        + "document.querySelector('svg.chart text.axis')).fontSize)"
                        + " * document.querySelector('svg.chart').getBoundingClientRect().width"
                        + " / document.querySelector('svg.chart').viewBox.baseVal.width"))
            .as("the charts' labels on %s, in CSS pixels", page)
            .satisfies(
                size -> assertThat(((Number) size).doubleValue()).isGreaterThanOrEqualTo(11.5));
      }
    }
  }

  /** Signs in with {@code token}, signing out first whoever is signed in. */
  private void signIn(String token) {
    if (!browser.driver.getCurrentUrl().startsWith(world.url())) {
      browser.open(world.url() + "/");
    }
    WebElement signOut = browser.find("#signout");
    if (signOut.isDisplayed()) {
      signOut.click();
    }
    WebElement field = browser.find("#token");
    field.clear();
    field.sendKeys(token);
    field.submit();
    browser.until(d -> d.findElement(By.id("nav")).isDisplayed());
  }

  private void page(String title) {
    browser.until(d -> d.findElement(By.linkText(title))).click();
    browser.until(d -> d.findElement(By.cssSelector("#page h1")).getText().equals(title));
  }

  private void fill(String css, String text) {
    WebElement input = browser.find(css);
    input.clear();
    input.sendKeys(text);
  }

  private void submit(String cssInsideForm) {
    browser
        .find(cssInsideForm)
        .findElement(By.xpath("ancestor::form"))
        .findElement(By.cssSelector("button[type=submit]"))
        .click();
  }

  private List<WebElement> rows() {
    return browser.driver.findElements(By.cssSelector("#event-rows tr"));
  }

  private void assertAccessible() {
    Accessibility.check(browser);
  }

  private static long size(Path path) {
    try {
      return Files.size(path);
    } catch (java.io.IOException e) {
      return 0;
    }
  }
}
