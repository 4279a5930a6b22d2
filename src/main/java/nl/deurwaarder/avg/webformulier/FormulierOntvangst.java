package nl.deurwaarder.avg.webformulier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.deurwaarder.avg.kantoor.KantoorProfiel;
import org.apache.tomcat.util.http.fileupload.FileItemIterator;
import org.apache.tomcat.util.http.fileupload.FileItemStream;
import org.apache.tomcat.util.http.fileupload.FileUpload;
import org.apache.tomcat.util.http.fileupload.FileUploadException;
import org.apache.tomcat.util.http.fileupload.impl.FileUploadIOException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.apache.tomcat.util.http.fileupload.servlet.ServletRequestContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Receives a submission of the website form ({@code POST /verzoek}) before anything else reads it, ahead of Spring
 * Security:
 * <ol>
 *   <li>counts it against {@link Inzendingslimiet} and answers 429 with a Dutch page when over the limit, without
 *       reading the body;</li>
 *   <li>reads the multipart body itself, streaming: the text fields (each at most 64 KB), and the one file up to
 *       {@code avg.webformulier.max-bijlage} (a larger file is read to its end and discarded, so the form can be
 *       shown again with everything the person typed and a message that the file is too large);</li>
 *   <li>hands the request on as a plain form post with those fields as parameters (so Spring Security's CSRF check
 *       and data binding work as usual) and the file as request attribute {@link OntvangenBijlage#ATTRIBUUT}.</li>
 * </ol>
 * A body larger than {@code avg.webformulier.max-verzoek} is not read further: 413 with a Dutch page.
 */
public class FormulierOntvangst extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(FormulierOntvangst.class);
  static final String PAD = "/verzoek";
  static final String BESTANDSVELD = "bijlage";
  private static final int MAX_VELD = 64 * 1024;
  private static final int MAX_DELEN = 40;

  private final Inzendingslimiet limiet;
  private final WebformulierInstellingen instellingen;
  private final ITemplateEngine templates;
  private final KantoorProfiel kantoor;

  public FormulierOntvangst(Inzendingslimiet limiet, WebformulierInstellingen instellingen,
      ITemplateEngine templates, KantoorProfiel kantoor) {
    this.limiet = limiet;
    this.instellingen = instellingen;
    this.templates = templates;
    this.kantoor = kantoor;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String pad = request.getRequestURI().substring(request.getContextPath().length());
    return !"POST".equals(request.getMethod()) || !(PAD.equals(pad) || (PAD + "/").equals(pad));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!limiet.toegestaan(request.getRemoteAddr())) {
      LOG.warn("Websiteformulier: inzendlimiet bereikt, verzoek geweigerd (429)");
      response.setHeader("Retry-After", String.valueOf(instellingen.clientVenster().toSeconds()));
      melding(request, response, HttpStatus.TOO_MANY_REQUESTS, "te-veel");
      return;
    }
    String contentType = request.getContentType();
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
      chain.doFilter(request, response);
      return;
    }
    Map<String, List<String>> velden = new LinkedHashMap<>();
    OntvangenBijlage bijlage;
    try {
      bijlage = lees(request, velden);
    } catch (SizeException | FileUploadIOException e) {
      if (!(e instanceof SizeException) && !(e.getCause() instanceof SizeException)) {
        throw e;
      }
      LOG.info("Websiteformulier: verzoek groter dan {} geweigerd (413)", instellingen.maxVerzoek());
      response.setHeader("Connection", "close");
      melding(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "te-groot");
      return;
    } catch (FileUploadException e) {
      LOG.info("Websiteformulier: onleesbaar formulier ({})", e.getClass().getSimpleName());
      melding(request, response, HttpStatus.BAD_REQUEST, "onleesbaar");
      return;
    }
    GelezenFormulier gelezen = new GelezenFormulier(request, velden);
    if (bijlage != null) {
      gelezen.setAttribute(OntvangenBijlage.ATTRIBUUT, bijlage);
    }
    chain.doFilter(gelezen, response);
  }

  private OntvangenBijlage lees(HttpServletRequest request, Map<String, List<String>> velden)
      throws IOException, FileUploadException {
    FileUpload upload = new FileUpload();
    upload.setSizeMax(instellingen.maxVerzoek().toBytes());
    upload.setFileSizeMax(-1);
    upload.setFileCountMax(MAX_DELEN);
    FileItemIterator delen = upload.getItemIterator(new ServletRequestContext(request));
    long maxBijlage = instellingen.maxBijlage().toBytes();
    String naam = null;
    long grootte = 0;
    byte[] inhoud = null;
    int bestanden = 0;
    while (delen.hasNext()) {
      FileItemStream deel = delen.next();
      try (InputStream in = deel.openStream()) {
        if (deel.isFormField()) {
          byte[] waarde = leesTot(in, MAX_VELD).inhoud;
          velden.computeIfAbsent(deel.getFieldName(), k -> new ArrayList<>())
              .add(new String(waarde, StandardCharsets.UTF_8));
        } else if (BESTANDSVELD.equals(deel.getFieldName())) {
          Gelezen g = leesTot(in, maxBijlage);
          boolean leeg = g.grootte == 0 && (deel.getName() == null || deel.getName().isBlank());
          if (leeg) {
            continue;
          }
          bestanden++;
          if (bestanden == 1) {
            naam = deel.getName();
            grootte = g.grootte;
            inhoud = g.grootte > maxBijlage ? null : g.inhoud;
          }
        } else {
          in.transferTo(OutputStream.nullOutputStream());
        }
      }
    }
    return bestanden == 0 ? null : new OntvangenBijlage(naam, grootte, inhoud, bestanden);
  }

  private record Gelezen(byte[] inhoud, long grootte) {
  }

  /** Reads the whole part; keeps at most {@code max} bytes, counts the rest. */
  private static Gelezen leesTot(InputStream in, long max) throws IOException {
    ByteArrayOutputStream bewaard = new ByteArrayOutputStream();
    byte[] buffer = new byte[16 * 1024];
    long totaal = 0;
    int n;
    while ((n = in.read(buffer)) != -1) {
      long ruimte = max - totaal;
      if (ruimte > 0) {
        bewaard.write(buffer, 0, (int) Math.min(n, ruimte));
      }
      totaal += n;
    }
    return new Gelezen(bewaard.toByteArray(), totaal);
  }

  private void melding(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String soort)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType("text/html;charset=UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    JakartaServletWebApplication app = JakartaServletWebApplication.buildApplication(request.getServletContext());
    WebContext context = new WebContext(app.buildExchange(request, response), Locale.forLanguageTag("nl"));
    context.setVariable("kantoor", kantoor);
    context.setVariable("soort", soort);
    context.setVariable("maxBijlageMb", instellingen.maxBijlage().toMegabytes());
    context.setVariable("minuten", instellingen.clientVenster().toMinutes());
    templates.process("webformulier/melding", context, response.getWriter());
  }
}
