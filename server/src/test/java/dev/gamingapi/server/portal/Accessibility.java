package dev.gamingapi.server.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Accessibility checks of the page a browser shows. */
final class Accessibility {
  private static final String UNLABELLED =
      "return [...document.querySelectorAll('input, select, textarea, button')]"
          + ".filter(e => e.offsetParent !== null)"
          + ".filter(e => e.tagName === 'BUTTON'"
          + " ? !(e.textContent.trim() || e.getAttribute('aria-label'))"
          + " : !((e.labels && e.labels.length) || e.getAttribute('aria-label')))"
          + ".map(e => e.outerHTML.slice(0, 120));";
  private static final String LOW_CONTRAST = resource("/portal/low-contrast.js");

  private Accessibility() {}

  /**
   * Every visible control has a label (or an aria-label), every button a name, and every text
   * enough contrast with its background (WCAG AA).
   */
  @SuppressWarnings("unchecked")
  static void check(Browser browser) {
    assertThat((List<String>) browser.script(UNLABELLED)).as("controls without a label").isEmpty();
    assertThat((List<String>) browser.script(LOW_CONTRAST)).as("texts of low contrast").isEmpty();
  }

  private static String resource(String name) {
    try (InputStream in = Accessibility.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
