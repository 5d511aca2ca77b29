package dev.gamingapi.server.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Set;

/**
 * Hides the method-override headers from everything behind it. Javalin's {@code Context.method()}
 * (and so its router) takes {@code X-HTTP-Method-Override} over the request line: a GET carrying
 * {@code X-HTTP-Method-Override: DELETE} revoked a user. A proxy or firewall that lets only reads
 * through, or a link that makes a browser send a GET, must not be able to write; the API has a
 * route for every method it takes, so no client needs the override.
 */
final class MethodOverrideFilter implements Filter {
  private static final Set<String> HIDDEN =
      Set.of("x-http-method-override", "x-http-method", "x-method-override");

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(new Hiding((HttpServletRequest) request), response);
  }

  private static boolean hidden(String name) {
    return name != null && HIDDEN.contains(name.toLowerCase(Locale.ROOT));
  }

  private static final class Hiding extends HttpServletRequestWrapper {
    Hiding(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getHeader(String name) {
      return hidden(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
      return Collections.enumeration(
          Collections.list(super.getHeaderNames()).stream().filter(name -> !hidden(name)).toList());
    }
  }
}
