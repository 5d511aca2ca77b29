package dev.gamingapi.server.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gamingapi.contract.event.PlayerChatted;
import dev.gamingapi.contract.event.PlayerConnected;
import dev.gamingapi.contract.event.PlayerKilled;
import dev.gamingapi.contract.event.ServerHeartbeat;
import dev.gamingapi.contract.event.ServerStarted;
import dev.gamingapi.sdk.CommandReceiver;
import dev.gamingapi.sdk.GameServerClient;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.Select;

/**
 * Not a check but a tool: writes the screenshots of docs/portal.md from a platform with a little of
 * everything in it. Runs only when asked: {@code -Dportal.screenshots=../docs/portal}.
 */
class PortalScreenshotsTest {
  private static final String TARGET = System.getProperty("portal.screenshots");
  private static final String[] PLAYERS = {"ada", "bob", "cy", "dee", "eve"};
  private static final String[] NAMES = {"Ada", "Bob", "Cy", "Dee", "Eve"};

  @Test
  void takeTheScreenshotsOfTheMainPages(@TempDir Path dataDir) throws Exception {
    Assumptions.assumeTrue(TARGET != null, "screenshots only with -Dportal.screenshots=<dir>");
    Path out = Files.createDirectories(Path.of(TARGET));
    HttpServer webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    webhook.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    webhook.start();
    try (PortalWorld world = PortalWorld.start(dataDir)) {
      String owner = world.accountWithOwner("acme", "alice");
      world.operator("POST", "/accounts", "{\"name\":\"statsco\",\"plan\":\"free\"}");
      for (String server : new String[] {"eu-1", "us-1"}) {
        world.call(owner, "POST", "/accounts/acme/servers", "{\"id\":\"" + server + "\"}");
      }
      String creds =
          world
              .call(
                  owner,
                  "POST",
                  "/accounts/acme/users",
                  "{\"name\":\"eu-1-host\",\"kind\":\"game_server\",\"server\":\"eu-1\"}")
              .path("creds")
              .asText();
      world.call(
          owner,
          "POST",
          "/accounts/acme/users",
          "{\"name\":\"stats-site\",\"kind\":\"app\",\"servers\":[\"eu-1\"],\"event_types\":[\"player.*\"]}");
      world.call(
          owner,
          "POST",
          "/accounts/acme/shares",
          "{\"grantee\":\"statsco\",\"servers\":[\"eu-1\"]}");
      world.call(owner, "PUT", "/accounts/acme/leaderboards/kills", "{\"stat\":\"kills\"}");
      String rule =
          world
              .call(
                  owner,
                  "POST",
                  "/accounts/acme/notifications",
                  "{\"name\":\"bans to ops\",\"kind\":\"webhook\",\"url\":\"http://127.0.0.1:"
                      + webhook.getAddress().getPort()
                      + "/hook\",\"event_types\":[\"player.banned\"]}")
              .path("notification")
              .path("id")
              .asText();
      world.call(owner, "POST", "/accounts/acme/notifications/" + rule + "/test", "{}");

      Path credsFile = Files.writeString(dataDir.resolve("eu-1.creds"), creds);
      try (GameServerClient game =
              GameServerClient.builder()
                  .url(world.brokerUrl())
                  .credentials(credsFile)
                  .journalDir(dataDir.resolve("journal"))
                  .build();
          CommandReceiver receiver =
              CommandReceiver.builder(game)
                  .on("broadcast", command -> Map.of("shown_to", 5))
                  .start();
          Browser browser = Browser.start(1280, 1000)) {
        publish(game);
        world.call(
            owner,
            "POST",
            "/accounts/acme/servers/eu-1/commands",
            "{\"name\":\"broadcast\",\"args\":{\"text\":\"restart in 5 minutes\"}}");

        browser.open(world.url() + "/");
        shot(browser, out, "signin");
        signIn(browser, owner);
        visit(browser, out, "overview", "Usage of plan");
        visit(browser, out, "servers", " in all"); // the charts drawn too
        visit(browser, out, "users", "stats-site");
        browser.find("input[name=name]").sendKeys("us-1-host");
        new Select(browser.find("select[name=server]")).selectByValue("us-1");
        browser.find("input[name=name]").submit();
        browser.waitForText("Shown once");
        shot(browser, out, "users");
        visit(browser, out, "sharing", "statsco");
        visit(browser, out, "events", "Live:");
        browser.until(d -> d.findElements(By.cssSelector("#event-rows tr")).size() >= 18);
        shot(browser, out, "events");
        visitUntil(browser, out, "leaderboards/kills", "Around", "ada");
        visit(browser, out, "players/ada", "Events: 5 in all");
        browser.open(world.url() + "/#/commands");
        browser.find("input[name=name]").sendKeys("broadcast");
        browser.find("textarea[name=args]").clear();
        browser.find("textarea[name=args]").sendKeys("{\"text\": \"gg\"}");
        browser.find("input[name=name]").submit();
        browser.until(d -> d.findElement(By.id("command-status")).getText().equals("succeeded"));
        shot(browser, out, "commands");
        visit(browser, out, "notifications", "bans to ops");
        browser
            .driver
            .findElement(By.cssSelector("button[aria-label^='Show the deliveries']"))
            .click();
        browser.waitForText("Delivery log of");
        shot(browser, out, "notifications");
        visit(browser, out, "audit", "user.created");
      }
      try (Browser narrow = Browser.phone(375, 812)) {
        narrow.open(world.url() + "/");
        signIn(narrow, owner);
        visit(narrow, out, "overview", "Usage of plan", "overview-narrow");
        visit(narrow, out, "events", "Live:", "events-narrow");
      }
      try (Browser operator = Browser.start(1280, 800)) {
        operator.open(world.url() + "/");
        signIn(operator, world.operatorToken);
        visit(operator, out, "accounts", "statsco", "operator-accounts");
      }
    } finally {
      webhook.stop(0);
    }
    assertThat(out.resolve("overview.png")).exists();
  }

  private static void publish(GameServerClient game) throws Exception {
    game.publish(new ServerStarted("arena-shooter", "de_dust2", "1.4.2", 32));
    for (int i = 0; i < PLAYERS.length; i++) {
      game.publish(new PlayerConnected(PLAYERS[i], NAMES[i], null));
    }
    int[][] kills = {{0, 1}, {0, 2}, {1, 3}, {0, 4}, {2, 1}, {3, 0}, {0, 3}, {4, 2}, {1, 4}};
    for (int[] kill : kills) {
      game.publish(
          new PlayerKilled(PLAYERS[kill[0]], PLAYERS[kill[1]], "rifle", 31.5, kill[0] == 0));
    }
    game.publish(new PlayerChatted("bob", "Bob", "gg", "all"));
    game.publish(new ServerHeartbeat(5, 32, "de_dust2", 64.0));
    game.flush(Duration.ofSeconds(10));
  }

  private static void signIn(Browser browser, String token) {
    browser.find("#token").sendKeys(token);
    browser.find("#token").submit();
    browser.until(d -> d.findElement(By.id("nav")).isDisplayed());
  }

  private static void visit(Browser browser, Path out, String route, String text) throws Exception {
    visit(browser, out, route, text, route.replace('/', '-').replaceAll("-[a-z]+$", ""));
  }

  private static void visit(Browser browser, Path out, String route, String text, String name)
      throws Exception {
    browser.open(browser.driver.getCurrentUrl().replaceAll("#.*$", "") + "#/" + route);
    browser.waitForText(text);
    shot(browser, out, name);
  }

  /** Opens a leaderboard (reloading until counted) and finds a player before the shot. */
  private static void visitUntil(
      Browser browser, Path out, String route, String text, String player) throws Exception {
    browser.open(browser.driver.getCurrentUrl().replaceAll("#.*$", "") + "#/" + route);
    browser.until(
        d -> {
          if (d.findElement(By.tagName("main")).getText().contains("1 " + player)) {
            return true;
          }
          d.navigate().refresh();
          return false;
        });
    browser.find("input[name=player]").sendKeys("cy");
    browser.find("input[name=player]").submit();
    browser.waitForText(text);
    shot(browser, out, "leaderboards");
  }

  /** The whole page: the window grows to the page's height for the shot (desktop sizes only). */
  private static void shot(Browser browser, Path out, String name) throws Exception {
    browser.script(
        "document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
    Dimension window = browser.driver.manage().window().getSize();
    long height = (Long) browser.script("return document.documentElement.scrollHeight;");
    boolean grow = window.getWidth() > 500 && height > window.getHeight();
    if (grow) {
      browser
          .driver
          .manage()
          .window()
          .setSize(new Dimension(window.getWidth(), (int) height + 100));
    }
    Files.write(
        out.resolve(name + ".png"),
        ((TakesScreenshot) browser.driver).getScreenshotAs(OutputType.BYTES));
    if (grow) {
      browser.driver.manage().window().setSize(window);
    }
  }
}
