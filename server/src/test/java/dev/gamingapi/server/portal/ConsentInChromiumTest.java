package dev.gamingapi.server.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gamingapi.server.testing.PlatformFixture;
import dev.gamingapi.server.testing.PlatformPerClass;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The OAuth consent page in headless Chromium: the operator registers the app on the portal, an
 * owner signs in, unticks a server and allows; the app's own web server (a local one here) receives
 * the code, which redeems for exactly the ticked scope; the owner then revokes it on the portal's
 * "Authorized apps" page. The consent page framed by another site shows nothing.
 */
class ConsentInChromiumTest extends PlatformPerClass {
  private static final Pattern CLIENT_ID = Pattern.compile("client id (cli_[A-Za-z0-9_-]{22})");
  private PlatformFixture.Issued owner;

  @Override
  protected void setUpPlatform() throws Exception {
    fixture.account("chrome", "standard");
    fixture.server("chrome", "s1");
    fixture.server("chrome", "s2");
    owner = fixture.user("chrome", "{\"name\":\"boss\",\"kind\":\"owner\"}");
  }

  @Test
  void anOwnerNarrowsAndAllowsInChromiumAndTheFramedPageShowsNothing() throws Exception {
    BlockingQueue<URI> callbacks = new ArrayBlockingQueue<>(4);
    HttpServer app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String appUrl = "http://127.0.0.1:" + app.getAddress().getPort();
    String[] framed = new String[1];
    app.createContext(
        "/cb",
        exchange -> {
          callbacks.add(URI.create(appUrl + exchange.getRequestURI()));
          answer(exchange, "<p id=\"done\">back at the app</p>");
        });
    app.createContext(
        "/frame", exchange -> answer(exchange, "<iframe src=\"" + framed[0] + "\"></iframe>"));
    app.start();
    try (Browser browser = Browser.start(1000, 900)) {
      // The operator registers the app on the portal's "Third-party apps" page.
      signIn(
          browser,
          Files.readString(fixture.platform.connectionInfo().operatorToken()).strip(),
          "Third-party apps");
      browser.find("input[name=name]").sendKeys("Chrome App");
      browser.find("input[name=homepage]").sendKeys("https://app.example");
      browser.find("input[name=redirect_uri]").sendKeys(appUrl + "/cb");
      new Select(browser.find("select[name=type]")).selectByValue("public");
      browser
          .until(d -> d.findElement(By.xpath("//button[normalize-space()='Register app']")))
          .click();
      Matcher registered =
          browser.until(
              d -> {
                Matcher m = CLIENT_ID.matcher(d.findElement(By.tagName("body")).getText());
                return m.find() ? m : null;
              });
      ClientID client = new ClientID(registered.group(1));
      browser.find("#signout").click();
      State state = new State();
      CodeVerifier verifier = new CodeVerifier();
      URI authorize =
          new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), client)
              .redirectionURI(URI.create(appUrl + "/cb"))
              .scope(Scope.parse("events:read server:s1 server:s2"))
              .state(state)
              .codeChallenge(verifier, CodeChallengeMethod.S256)
              .endpointURI(URI.create(fixture.httpUrl() + "/oauth/authorize"))
              .build()
              .toURI();

      browser.open(authorize.toString());
      browser.find("input[name=token]").sendKeys(owner.token());
      browser.find("form button").click();
      browser.find("input[name=servers][value=s2]").click();
      browser.find("button[value=approve]").click();
      browser.find("#done");

      URI back = callbacks.poll(20, TimeUnit.SECONDS);
      AuthorizationResponse response = AuthorizationResponse.parse(back);
      assertThat(response.getState()).isEqualTo(state);
      AuthorizationCode code = ((AuthorizationSuccessResponse) response).getAuthorizationCode();
      TokenResponse tokens =
          TokenResponse.parse(
              new TokenRequest(
                      URI.create(fixture.httpUrl() + "/oauth/token"),
                      client,
                      new AuthorizationCodeGrant(code, URI.create(appUrl + "/cb"), verifier))
                  .toHTTPRequest()
                  .send());
      var access = tokens.toSuccessResponse().getTokens().getAccessToken();
      assertThat(access.getScope().toString()).isEqualTo("events:read server:s1");
      var asApp = fixture.operator.as(access.getValue());
      assertThat(asApp.get("/api/v1/whoami").status()).isEqualTo(200);

      // The owner finds the app on the portal's "Authorized apps" page and revokes it there.
      signIn(browser, owner.token(), "Authorized apps");
      WebElement row =
          browser.until(d -> d.findElement(By.xpath("//tr[td[normalize-space()='Chrome App']]")));
      assertThat(row.getText()).contains("events:read server:s1", "boss");
      browser.find("button[aria-label='Revoke Chrome App']").click();
      browser.until(
          d -> d.findElement(By.tagName("body")).getText().contains("no longer has access"));
      assertThat(asApp.get("/api/v1/whoami").status()).isEqualTo(401);

      // Another site frames the authorization page: the browser refuses to render it there.
      framed[0] = authorize.toString();
      browser.open(appUrl + "/frame");
      browser.driver.switchTo().frame(0);
      assertThat(browser.driver.findElements(By.name("token"))).isEmpty();
      browser.driver.switchTo().defaultContent();
    } finally {
      app.stop(0);
    }
  }

  /** Signs {@code token} in on the portal and opens the page titled {@code page}. */
  private void signIn(Browser browser, String token, String page) {
    browser.open(fixture.httpUrl() + "/");
    browser.find("#token").sendKeys(token);
    browser.find("#token").submit();
    browser.until(d -> d.findElement(By.id("nav")).isDisplayed());
    browser.until(
        d -> { // the navigation is drawn again once the account is known: retry a stale link
          d.findElement(By.linkText(page)).click();
          return d.findElement(By.cssSelector("#page h1")).getText().equals(page);
        });
  }

  private static void answer(HttpExchange exchange, String html) throws IOException {
    byte[] body =
        ("<!doctype html><html><body>" + html + "</body></html>").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }
}
