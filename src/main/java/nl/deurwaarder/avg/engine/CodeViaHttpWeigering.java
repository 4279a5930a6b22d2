package nl.deurwaarder.avg.engine;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.deurwaarder.avg.security.Probleem;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Production: no engine change over HTTP that brings code onto the server. A BPMN or DMN model is code (its
 * expressions call Java), so deploying one is running code; the app's own deployment at start-up
 * ({@link ProcesDeployment}) is the only one the product needs (README "Een diagram wijzigen").
 * Refused for every user, administrators included, over {@code /engine-rest} and the webapps' engine API
 * ({@code /camunda/api/engine}, which carries the same REST resources with a webapp session):
 * <ul>
 *   <li>{@code POST .../deployment/create} and {@code POST .../deployment/{id}/redeploy};</li>
 *   <li>{@code POST .../filter/create} and {@code PUT .../filter/{id}} whose query holds an expression other than
 *       the harmless functions Tasklist offers ({@code currentUser()}, {@code currentUserGroups()}, {@code now()},
 *       {@code dateTime()} with plus/minus): a stored filter's expressions are evaluated by the engine for every
 *       user who opens it.</li>
 * </ul>
 * Not refused, because they run no new code: starting, modifying, suspending and deleting instances, jobs and job
 * definitions, completing tasks, evaluating the deployed decisions. Java-serialized variables stay off (Camunda's
 * default {@code javaSerializationFormatEnabled=false}).
 */
public class CodeViaHttpWeigering extends OncePerRequestFilter {

  private static final Pattern DEPLOYMENT = Pattern.compile(".*/deployment/(create|[^/]+/redeploy)/?$");
  private static final Pattern FILTER = Pattern.compile(".*/filter/(create|[^/]+)/?$");
  private static final Pattern EXPRESSIE = Pattern.compile("[$#]\\{[^}]*}");
  private static final Pattern TOEGESTAAN = Pattern.compile("\\$\\{(currentUser\\(\\)|currentUserGroups\\(\\)|now\\(\\)"
      + "|dateTime\\(\\)(\\.(plus|minus)(Years|Months|Weeks|Days|Hours|Minutes)\\(-?\\d{1,4}\\))*(\\.toDate\\(\\))?)}");
  private static final int MAX_FILTER_BYTES = 256 * 1024;

  static final String DEPLOY_MELDING = "Deployen via HTTP is in productie uitgeschakeld, ook voor beheerders: een "
      + "BPMN- of DMN-model bevat code die op de server wordt uitgevoerd. Wijzig het model in bpmn/ of forms/ en lever "
      + "een nieuwe build; de applicatie deployt het bij het starten (README, 'Een diagram wijzigen').";
  static final String FILTER_MELDING = "Een filter met een expressie kan in productie niet via HTTP worden opgeslagen. "
      + "Toegestaan zijn ${currentUser()}, ${currentUserGroups()}, ${now()} en ${dateTime()} met plus/minus.";

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String pad = request.getRequestURI();
    return !(pad.startsWith(request.getContextPath() + "/engine-rest/")
        || pad.startsWith(request.getContextPath() + "/camunda/api/engine/"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String pad = request.getRequestURI();
    String methode = request.getMethod();
    if ("POST".equals(methode) && DEPLOYMENT.matcher(pad).matches()) {
      Probleem.schrijf(response, HttpStatus.FORBIDDEN, "Deployen via HTTP uitgeschakeld", DEPLOY_MELDING);
      return;
    }
    Matcher filter = FILTER.matcher(pad);
    boolean filterOpslaan = "POST".equals(methode) && filter.matches() && filter.group(1).equals("create")
        || "PUT".equals(methode) && filter.matches() && !filter.group(1).equals("create");
    if (filterOpslaan) {
      byte[] body = request.getInputStream().readNBytes(MAX_FILTER_BYTES + 1);
      if (body.length > MAX_FILTER_BYTES || bevatCode(new String(body, StandardCharsets.UTF_8))) {
        Probleem.schrijf(response, HttpStatus.FORBIDDEN, "Expressie in filter geweigerd", FILTER_MELDING);
        return;
      }
      chain.doFilter(new GelezenBody(request, body), response);
      return;
    }
    chain.doFilter(request, response);
  }

  /** True when the text holds an expression that is not one of the harmless Tasklist functions. */
  static boolean bevatCode(String tekst) {
    // JSON may escape characters of an expression (\u0024 for $): undo the escapes that matter first
    String t = tekst.replace("\\u0024", "$").replace("\\u0023", "#").replace("\\u007b", "{").replace("\\u007B", "{")
        .replace("\\u007d", "}").replace("\\u007D", "}");
    Matcher m = EXPRESSIE.matcher(t);
    while (m.find()) {
      if (!TOEGESTAAN.matcher(m.group()).matches()) {
        return true;
      }
    }
    // an opening without a close, or one the pattern above could not pair, is refused as well
    return t.replaceAll(TOEGESTAAN.pattern(), "").matches("(?s).*[$#]\\s*\\{.*");
  }

  /** The request with its body already read, for the engine to read again. */
  private static final class GelezenBody extends HttpServletRequestWrapper {
    private final byte[] body;

    GelezenBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
