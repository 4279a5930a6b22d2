package nl.deurwaarder.avg.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Enforces {@link Functiescheiding} at the doors Camunda itself opens: group memberships created in Admin or over
 * {@code /engine-rest}, the webapp login, and HTTP Basic calls to {@code /engine-rest}.
 */
public class FunctiescheidingFilter extends OncePerRequestFilter {

  /** PUT .../group/{groupId}/members/{userId} of the webapp API and of /engine-rest. */
  private static final Pattern LIDMAATSCHAP = Pattern.compile(".*/group/([^/]+)/members/([^/]+)/?$");
  /** POST /camunda/api/admin/auth/user/{engine}/login/{app}. */
  private static final Pattern LOGIN = Pattern.compile(".*/api/admin/auth/user/[^/]+/login/[^/]+/?$");

  private final Functiescheiding functiescheiding;

  public FunctiescheidingFilter(Functiescheiding functiescheiding) {
    this.functiescheiding = functiescheiding;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI();
    Matcher lid = LIDMAATSCHAP.matcher(path);
    if ("PUT".equals(request.getMethod()) && lid.matches()) {
      String groepId = decode(lid.group(1));
      String userId = decode(lid.group(2));
      java.util.Optional<Functiescheiding.Paar> paar = functiescheiding.lidmaatschapSchending(userId, groepId);
      if (paar.isPresent()) {
        Probleem.schrijf(response, HttpStatus.CONFLICT, "Lidmaatschap geweigerd", paar.get().melding());
        return;
      }
    } else if ("POST".equals(request.getMethod()) && LOGIN.matcher(path).matches()) {
      if (functiescheiding.gebruikerGeweigerd(request.getParameter("username"))) {
        Probleem.schrijf(response, HttpStatus.FORBIDDEN, "Aanmelden geweigerd", Functiescheiding.MELDING);
        return;
      }
    } else if (path.startsWith(request.getContextPath() + "/engine-rest")) {
      String user = basicUser(request.getHeader("Authorization"));
      if (user != null && functiescheiding.gebruikerGeweigerd(user)) {
        Probleem.schrijf(response, HttpStatus.FORBIDDEN, "Toegang geweigerd", Functiescheiding.MELDING);
        return;
      }
    }
    chain.doFilter(request, response);
  }

  static String basicUser(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : decoded.substring(0, colon);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
