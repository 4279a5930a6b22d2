package nl.deurwaarder.avg.tweefactor;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With two factors required: a browser that opens Tasklist, Cockpit or Admin without a webapp login is sent to
 * {@code /aanmelden} (and back afterwards) instead of to Camunda's password-only login form. Only the pages
 * (paths without a file extension); the webapps' scripts and styles are served as before.
 */
class WebappAanmeldomleiding extends OncePerRequestFilter {

  private final WebappSessie webappSessie;

  WebappAanmeldomleiding(WebappSessie webappSessie) {
    this.webappSessie = webappSessie;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String pad = request.getRequestURI().substring(request.getContextPath().length());
    String laatste = pad.substring(pad.lastIndexOf('/') + 1);
    return !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
        || !(pad.equals("/camunda") || pad.startsWith("/camunda/app/") || pad.equals("/camunda/"))
        || laatste.contains(".");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (webappSessie.gebruiker(request) != null) {
      chain.doFilter(request, response);
      return;
    }
    String pad = request.getRequestURI().substring(request.getContextPath().length());
    String doel = AanmeldPagina.doel(pad + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
    response.setHeader("Cache-Control", "no-store");
    response.sendRedirect(request.getContextPath() + "/aanmelden?doel="
        + URLEncoder.encode(doel, StandardCharsets.UTF_8));
  }
}
