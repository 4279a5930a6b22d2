package nl.deurwaarder.avg.gezondheid;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps users out until the application is ready. Tomcat opens the port before the start-up runners have deployed
 * the processes and created the users, groups, authorizations and Tasklist filters; Spring Boot declares readiness
 * ({@link ReadinessState#ACCEPTING_TRAFFIC}) only after the last runner. Until then every request gets a 503 with a
 * Dutch "nog aan het opstarten" (a page that reloads itself for a browser, problem details for a program), so a
 * login in that window never fails with "wrong password" and a load balancer or probe sees the same state as
 * {@code /actuator/health/readiness}. The liveness and readiness probes themselves always pass.
 */
public class OpstartPoort extends OncePerRequestFilter {

  static final String TITEL = "Nog aan het opstarten";
  static final String UITLEG = "De AVG-procesapplicatie is nog aan het opstarten: processen, gebruikers, groepen, "
      + "rechten en takenlijsten worden klaargezet. Probeer het over enkele seconden opnieuw.";
  static final String UITLEG_STOPPEN = "De AVG-procesapplicatie wordt gestopt en neemt geen nieuwe verzoeken meer "
      + "aan. Probeer het over enkele ogenblikken opnieuw.";

  private final ApplicationAvailability beschikbaarheid;
  private volatile boolean ooitGereed;

  public OpstartPoort(ApplicationAvailability beschikbaarheid) {
    this.beschikbaarheid = beschikbaarheid;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (beschikbaarheid.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
      ooitGereed = true;
      chain.doFilter(request, response);
      return;
    }
    if (isProbe(request)) {
      chain.doFilter(request, response);
      return;
    }
    weiger(request, response);
  }

  private static boolean isProbe(HttpServletRequest request) {
    String pad = request.getRequestURI().substring(request.getContextPath().length());
    return pad.equals("/actuator/health/liveness") || pad.equals("/actuator/health/readiness");
  }

  private void weiger(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String uitleg = ooitGereed ? UITLEG_STOPPEN : UITLEG;
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", "5");
    response.setHeader("Cache-Control", "no-store");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    String accept = request.getHeader("Accept");
    if (accept != null && accept.contains("text/html")) {
      response.setContentType("text/html;charset=UTF-8");
      response.getWriter().write("""
          <!DOCTYPE html>
          <html lang="nl"><head><meta charset="UTF-8"><meta http-equiv="refresh" content="3">
          <title>%s</title>
          <style>body{font-family:sans-serif;max-width:40em;margin:4em auto;color:#222}</style></head>
          <body><h1>%s</h1><p>%s</p><p>Deze pagina ververst zichzelf.</p></body></html>
          """.formatted(TITEL, TITEL, uitleg));
    } else {
      response.setContentType("application/problem+json;charset=UTF-8");
      response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + TITEL + "\",\"status\":503,"
          + "\"detail\":\"" + uitleg + "\"}");
    }
  }
}
