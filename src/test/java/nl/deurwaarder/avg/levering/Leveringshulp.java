package nl.deurwaarder.avg.levering;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;

/** What the delivery tests share: a screened PDF, reading mails, text messages and PDFs, and a browser-like client. */
public final class Leveringshulp {

  public static final Pattern LINK = Pattern.compile("/ophalen/([A-Za-z0-9_-]{43})");
  public static final Pattern CODE = Pattern.compile("\\b(\\d{8})\\b");
  public static final Pattern WACHTWOORD = Pattern.compile(": ([A-Za-z0-9]{14}) \\.");
  private static final ObjectMapper JSON = new ObjectMapper();

  private Leveringshulp() {
  }

  /** A one-page PDF with this text: a screened document. */
  public static byte[] pdfMetTekst(String tekst) {
    try (PDDocument doc = new PDDocument()) {
      PDPage pagina = new PDPage();
      doc.addPage(pagina);
      try (PDPageContentStream s = new PDPageContentStream(doc, pagina)) {
        s.beginText();
        s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        s.newLineAtOffset(72, 700);
        s.showText(tekst);
        s.endText();
      }
      ByteArrayOutputStream uit = new ByteArrayOutputStream();
      doc.save(uit);
      return uit.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String pdfTekst(byte[] pdf, String wachtwoord) throws IOException {
    try (PDDocument doc = wachtwoord == null ? Loader.loadPDF(pdf) : Loader.loadPDF(pdf, wachtwoord)) {
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
  }

  /** The mails in an outbox folder addressed to {@code aan}. */
  public static List<MimeMessage> mails(Path outbox, String aan) throws Exception {
    List<MimeMessage> gevonden = new ArrayList<>();
    if (!Files.isDirectory(outbox)) {
      return gevonden;
    }
    try (Stream<Path> bestanden = Files.list(outbox)) {
      for (Path p : bestanden.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(p)) {
          MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), in);
          if (m.getHeader("To", ",") != null && m.getHeader("To", ",").contains(aan)) {
            gevonden.add(m);
          }
        }
      }
    }
    return gevonden;
  }

  /** The text messages in the SMS outbox to {@code aan}. */
  public static List<JsonNode> sms(Path outbox, String aan) throws IOException {
    List<JsonNode> gevonden = new ArrayList<>();
    if (!Files.isDirectory(outbox)) {
      return gevonden;
    }
    try (Stream<Path> bestanden = Files.list(outbox)) {
      for (Path p : bestanden.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        JsonNode n = JSON.readTree(p.toFile());
        if (aan.equals(n.path("aan").asText())) {
          gevonden.add(n);
        }
      }
    }
    return gevonden;
  }

  /** The plain text of a mail. */
  public static String tekst(Part deel) throws Exception {
    if (deel.isMimeType("text/plain")) {
      return deel.getContent().toString();
    }
    if (deel.getContent() instanceof Multipart mp) {
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < mp.getCount(); i++) {
        BodyPart b = mp.getBodyPart(i);
        if (!Part.ATTACHMENT.equalsIgnoreCase(b.getDisposition())) {
          s.append(tekst(b));
        }
      }
      return s.toString();
    }
    return "";
  }

  /** The attachments of a mail (file name → content). */
  public static List<byte[]> bijlagen(Part deel) throws Exception {
    List<byte[]> lijst = new ArrayList<>();
    if (Part.ATTACHMENT.equalsIgnoreCase(deel.getDisposition()) || deel.getFileName() != null) {
      try (InputStream in = deel.getInputStream()) {
        lijst.add(in.readAllBytes());
      }
      return lijst;
    }
    if (deel.getContent() instanceof Multipart mp) {
      for (int i = 0; i < mp.getCount(); i++) {
        lijst.addAll(bijlagen(mp.getBodyPart(i)));
      }
    }
    return lijst;
  }

  public static String eerste(Pattern p, String tekst) {
    Matcher m = p.matcher(tekst);
    if (!m.find()) {
      throw new AssertionError("niet gevonden: " + p + " in: " + tekst);
    }
    return m.group(1);
  }

  /** A data subject's browser on the portal: keeps its session cookie and sends the page's CSRF token. */
  public static final class Browser {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String basis;
    private String csrf;

    public Browser(int poort) {
      this.basis = "http://127.0.0.1:" + poort;
    }

    public HttpResponse<String> open(String pad) throws Exception {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(basis + pad)).build(),
          HttpResponse.BodyHandlers.ofString());
      Matcher m = CSRF.matcher(r.body());
      if (m.find()) {
        csrf = m.group(1);
      }
      return r;
    }

    public HttpResponse<byte[]> download(String pad) throws Exception {
      return http.send(HttpRequest.newBuilder(URI.create(basis + pad)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> code(String token, String code) throws Exception {
      String body = "code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)
          + (csrf == null ? "" : "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(basis + "/ophalen/" + token))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      Matcher m = CSRF.matcher(r.body());
      if (m.find()) {
        csrf = m.group(1);
      }
      return r;
    }
  }
}
