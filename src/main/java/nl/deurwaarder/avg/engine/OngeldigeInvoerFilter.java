package nl.deurwaarder.avg.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Camunda's REST API answers 500 when a task listener throws, also when the listener only refused bad form input
 * ({@link OngeldigeInvoerException}, thrown by {@link Invoercontrole}). For POSTs to {@code /engine-rest} and the
 * webapps' engine API (Tasklist), this turns such an answer into a 400 carrying just the Dutch message, so that a
 * program sees "bad input" and a Tasklist user reads what to correct.
 *
 * <p>Likewise the loser of a race (two users completing the same task at the same moment, possibly on two nodes):
 * the engine's optimistic lock ({@code ENGINE-03005}) becomes a 409 with a Dutch message instead of a 500 with the
 * engine's internals; nothing of the losing request was stored.
 */
public class OngeldigeInvoerFilter extends OncePerRequestFilter {

  static final String MARKER = OngeldigeInvoerException.class.getName() + ": ";
  /** The engine's code of an OptimisticLockingException ("updated by another transaction concurrently"). */
  static final String GELIJKTIJDIG = "ENGINE-03005";
  static final String GELIJKTIJDIG_MELDING = "Iemand anders heeft deze taak zojuist afgerond of gewijzigd. "
      + "Uw wijziging is niet opgeslagen. Vernieuw de takenlijst.";
  /** The other outcome of the same race: the task was already completed when this request looked it up. */
  static final String TAAK_WEG = "Cannot find task with id";
  static final String TAAK_WEG_MELDING = "Deze taak bestaat niet (meer): waarschijnlijk heeft iemand anders haar "
      + "zojuist afgerond. Uw invoer is niet opgeslagen. Vernieuw de takenlijst.";

  /**
   * The Dutch message of the last refusal on this request's thread: Camunda's REST API reports a refused start form
   * ({@code POST .../submit-form}) as a 500 "Cannot instantiate process definition ..." without the cause's class.
   */
  private static final ThreadLocal<String> WEIGERING = new ThreadLocal<>();

  private final ObjectMapper json = new ObjectMapper();

  /** Called by {@link OngeldigeInvoerException}: remembers the refusal for the request on this thread. */
  static void geweigerd(String melding) {
    WEIGERING.set(melding);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    WEIGERING.remove();
    try {
      chain.doFilter(request, wrapper);
    } finally {
      String weigering = WEIGERING.get();
      WEIGERING.remove();
      if (wrapper.getStatus() == 500) {
        String body = new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8);
        int i = body.indexOf(MARKER);
        if (i >= 0) {
          vervang(wrapper, 400, "InvalidRequestException", meldingUit(body, i + MARKER.length()));
        } else if (weigering != null) {
          vervang(wrapper, 400, "InvalidRequestException", weigering);
        } else if (body.contains(GELIJKTIJDIG)) {
          vervang(wrapper, 409, "OptimisticLockingException", GELIJKTIJDIG_MELDING);
        } else if (body.contains(TAAK_WEG)) {
          vervang(wrapper, 404, "InvalidRequestException", TAAK_WEG_MELDING);
        }
      }
      wrapper.copyBodyToResponse();
    }
  }

  private void vervang(ContentCachingResponseWrapper wrapper, int status, String type, String melding)
      throws IOException {
    ObjectNode dto = json.createObjectNode();
    dto.put("type", type);
    dto.put("message", melding);
    wrapper.resetBuffer();
    wrapper.setStatus(status);
    wrapper.setContentType("application/json");
    wrapper.setCharacterEncoding("UTF-8");
    wrapper.getOutputStream().write(json.writeValueAsBytes(dto));
  }

  /** The Dutch message up to the end of the JSON string (Camunda quotes it as '...'). */
  private String meldingUit(String body, int start) {
    try {
      String message = json.readTree(body).path("message").asText();
      int j = message.indexOf(MARKER);
      if (j >= 0) {
        String m = message.substring(j + MARKER.length());
        return m.endsWith("'") ? m.substring(0, m.length() - 1) : m;
      }
    } catch (IOException e) {
      // not JSON: fall through
    }
    return body.substring(start).replaceAll("['\"]?\\}?\\s*$", "");
  }
}
