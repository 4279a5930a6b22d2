package nl.deurwaarder.avg.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Lets a user who is logged into Tasklist (or Cockpit/Admin) open the product's own pages without logging in again.
 *
 * <p>The Camunda webapps keep their login in the servlet session, attribute {@code authenticatedUser} (Camunda's
 * {@code AuthenticationUtil.CAM_AUTH_SESSION_KEY}), as an {@link Authentications} holding one
 * {@link UserAuthentication} per engine. The session cookie ({@code JSESSIONID}) has the context path {@code /}, so
 * the browser sends it to {@code /archief/...} too. This filter reads that object (it never creates a session or
 * changes it), checks that the user still exists, takes the user's groups fresh from the {@link IdentityService}
 * (not the webapp's cached copy), refuses a user who breaks the {@link Functiescheiding}, and puts an authenticated
 * principal with one authority per group into the security context of this request only. Logging out of Tasklist
 * invalidates the session and thereby ends the access here as well. HTTP Basic (same users) still works for
 * programs.
 */
public class CamundaSessieAuthenticatie extends OncePerRequestFilter {

  /** Camunda's session attribute ({@code AuthenticationUtil.CAM_AUTH_SESSION_KEY}, protected in 7.24). */
  static final String SESSIE_ATTRIBUUT = "authenticatedUser";

  private final IdentityService identityService;
  private final String engineNaam;
  private final Functiescheiding functiescheiding;

  public CamundaSessieAuthenticatie(IdentityService identityService, String engineNaam,
      Functiescheiding functiescheiding) {
    this.identityService = identityService;
    this.engineNaam = engineNaam;
    this.functiescheiding = functiescheiding;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication bestaand = SecurityContextHolder.getContext().getAuthentication();
    if (bestaand == null || bestaand instanceof AnonymousAuthenticationToken || !bestaand.isAuthenticated()) {
      String user = camundaGebruiker(request);
      if (user != null) {
        Set<String> groepen = new java.util.TreeSet<>();
        identityService.createGroupQuery().groupMember(user).list().forEach(g -> groepen.add(g.getId()));
        if (!functiescheiding.geschonden(groepen)) {
          List<SimpleGrantedAuthority> authorities = groepen.stream().map(SimpleGrantedAuthority::new).toList();
          SecurityContext context = SecurityContextHolder.createEmptyContext();
          context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
          SecurityContextHolder.setContext(context);
        }
      }
    }
    chain.doFilter(request, response);
  }

  /** The user the webapp session belongs to, or null when there is no (valid) webapp login. */
  String camundaGebruiker(HttpServletRequest request) {
    HttpSession sessie = request.getSession(false);
    if (sessie == null) {
      return null;
    }
    Object waarde;
    try {
      waarde = sessie.getAttribute(SESSIE_ATTRIBUUT);
    } catch (IllegalStateException verlopen) {
      return null;
    }
    if (!(waarde instanceof Authentications authentications)
        || !(authentications.getAuthenticationForProcessEngine(engineNaam) instanceof UserAuthentication login)) {
      return null;
    }
    String user = login.getIdentityId();
    if (user == null || identityService.createUserQuery().userId(user).count() != 1) {
      return null; // the user was deleted since the login
    }
    return user;
  }

  /**
   * Not logged in: a browser gets a Dutch page with a link to the Tasklist login (no Basic dialog); a program gets
   * 401 with the HTTP Basic challenge.
   */
  public static void nietAangemeld(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException e) throws IOException {
    String accept = request.getHeader("Accept");
    boolean browser = accept != null && accept.contains("text/html") && request.getHeader("Authorization") == null;
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("Cache-Control", "no-store");
    if (!browser) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"AVG\", charset=\"UTF-8\"");
    }
    response.setContentType("text/html;charset=UTF-8");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    String tasklist = request.getContextPath() + "/camunda/app/tasklist/default/";
    response.getWriter().write(pagina("Niet aangemeld", "U bent niet aangemeld.",
        "Meld u eerst aan in <a href=\"" + HtmlUtils.htmlEscape(tasklist) + "\">Tasklist</a> en open deze pagina "
            + "daarna opnieuw vanuit uw taak, of vernieuw dit venster.", request.getContextPath()));
  }

  /** Access refused by the security chain itself (e.g. an expired or missing form token). */
  public static void geenToegang(HttpServletRequest request, HttpServletResponse response,
      org.springframework.security.access.AccessDeniedException e) throws IOException {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("text/html;charset=UTF-8");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(pagina("Geen toegang", "Deze handeling is geweigerd.",
        "Het formulier is verlopen of ongeldig, of u heeft geen toegang. Ga terug, vernieuw de pagina en probeer "
            + "het opnieuw.", request.getContextPath()));
  }

  private static String pagina(String titel, String kop, String tekstHtml, String contextPath) {
    return "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"UTF-8\"><title>" + titel + "</title>"
        + "<link rel=\"stylesheet\" href=\"" + HtmlUtils.htmlEscape(contextPath) + "/css/archief.css\"></head>"
        + "<body><main class=\"pagina\"><h1>" + kop + "</h1><p class=\"melding\">" + tekstHtml + "</p></main>"
        + "</body></html>";
  }
}
