package nl.deurwaarder.avg.tweefactor;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes Camunda's own password-only login ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}) where a
 * second factor is needed: always when two factors are required (production), and on the embedded default for an
 * account that has set one up. A technical account ({@code apikoppeling}) is refused always.
 *
 * <p>Tasklist, Cockpit and Admin show the {@code message} of the answer under "Aanmelden mislukt", so the user reads
 * where to log in instead. Outside production the refusal comes only after a correct password, so that the answer
 * does not tell which accounts have a second factor.
 */
class WachtwoordAanmeldingFilter extends OncePerRequestFilter {

  private static final Pattern LOGIN = Pattern.compile(".*/api/admin/auth/user/[^/]+/login/[^/]+/?$");

  private final Aanmeldbeleid beleid;
  private final IdentityService identityService;

  WachtwoordAanmeldingFilter(Aanmeldbeleid beleid, IdentityService identityService) {
    this.beleid = beleid;
    this.identityService = identityService;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !LOGIN.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String gebruiker = request.getParameter("username");
    String aanmelden = request.getContextPath() + "/aanmelden";
    if (beleid.isVerplicht()) {
      weiger(response, "Aanmelden met alleen een wachtwoord is uitgeschakeld. Meld u aan op " + aanmelden
          + " met uw wachtwoord en de code uit uw authenticator-app.");
      return;
    }
    boolean technisch = beleid.isTechnischAccount(gebruiker);
    if (technisch || gebruiker != null && beleid.tweedeFactorNodig(gebruiker)) {
      identityService.clearAuthentication();
      if (!identityService.checkPassword(gebruiker, request.getParameter("password"))) {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED); // as Camunda answers a wrong password
        return;
      }
      weiger(response, technisch
          ? "Dit is een technisch account voor koppelingen (apikoppeling): het kan zich niet aanmelden in "
              + "Tasklist, Cockpit of Admin."
          : "Dit account heeft een tweede factor. Meld u aan op " + aanmelden
              + " met uw wachtwoord en de code uit uw authenticator-app.");
      return;
    }
    chain.doFilter(request, response);
  }

  private static void weiger(HttpServletResponse response, String melding) throws IOException {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write("{\"type\":\"Aanmelden geweigerd\",\"message\":\"" + melding.replace("\"", "'")
        + "\"}");
  }
}
