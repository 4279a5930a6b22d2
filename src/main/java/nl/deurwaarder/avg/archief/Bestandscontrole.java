package nl.deurwaarder.avg.archief;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Decides from the bytes (never from the name or the browser's content type) what an uploaded document is, and
 * accepts only what staff may safely open later: PDF, JPEG, PNG, Word/Excel documents (OOXML without macros), plain
 * UTF-8 text and e-mail messages (.eml). Executables, HTML, SVG/XML and anything unrecognised are refused.
 */
public final class Bestandscontrole {

  /** The largest document the archive accepts (also Spring's multipart limit in application.yaml). */
  public static final long MAX_GROOTTE = 10L * 1024 * 1024;

  /** An accepted kind of document: content type for the download and the file name extensions that fit it. */
  public enum Bestandstype {
    PDF("application/pdf", "pdf"),
    JPEG("image/jpeg", "jpg", "jpeg"),
    PNG("image/png", "png"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    EML("message/rfc822", "eml"),
    TEKST("text/plain;charset=UTF-8", "txt", "csv", "log");

    private final String contentType;
    private final List<String> extensies;

    Bestandstype(String contentType, String... extensies) {
      this.contentType = contentType;
      this.extensies = List.of(extensies);
    }

    public String contentType() {
      return contentType;
    }

    public List<String> extensies() {
      return extensies;
    }

    /** The content type to serve a stored document with: one of ours, else a neutral binary type. */
    public static String veiligContentType(String opgeslagen) {
      for (Bestandstype t : values()) {
        if (t.contentType.equalsIgnoreCase(opgeslagen)) {
          return t.contentType;
        }
      }
      return "application/octet-stream";
    }
  }

  private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] ZIP = {'P', 'K', 0x03, 0x04};
  private static final byte[][] UITVOERBAAR = {
      {'M', 'Z'},                                               // Windows PE (.exe, .dll)
      {0x7F, 'E', 'L', 'F'},                                    // Linux ELF
      {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE},     // Java class, Mach-O universal
      {(byte) 0xFE, (byte) 0xED, (byte) 0xFA, (byte) 0xCE}, {(byte) 0xFE, (byte) 0xED, (byte) 0xFA, (byte) 0xCF},
      {(byte) 0xCE, (byte) 0xFA, (byte) 0xED, (byte) 0xFE}, {(byte) 0xCF, (byte) 0xFA, (byte) 0xED, (byte) 0xFE},
      {'#', '!'}};                                              // scripts

  /** Markup a browser would run or render: refused also inside text files. */
  private static final Pattern MARKUP = Pattern.compile(
      "<\\s*(!doctype|html|head|body|script|svg|iframe|object|embed|meta|\\?xml)\\b",
      Pattern.CASE_INSENSITIVE);
  /** The start of an RFC 5322 message: header lines, one of them From:. */
  private static final Pattern MAILKOP = Pattern.compile("^[A-Za-z][A-Za-z0-9-]*:[ \\t]");
  private static final int MAX_ZIP_ITEMS = 5000;
  private static final long MAX_ZIP_UITGEPAKT = 200L * 1024 * 1024;

  private Bestandscontrole() {
  }

  /** The kind of document these bytes are, or empty when the archive does not accept them. */
  public static Optional<Bestandstype> herken(byte[] inhoud) {
    if (inhoud == null || inhoud.length == 0) {
      return Optional.empty();
    }
    for (byte[] magic : UITVOERBAAR) {
      if (begintMet(inhoud, magic)) {
        return Optional.empty();
      }
    }
    if (begintMet(inhoud, PDF)) {
      return Optional.of(Bestandstype.PDF);
    }
    if (begintMet(inhoud, PNG)) {
      return Optional.of(Bestandstype.PNG);
    }
    if (begintMet(inhoud, JPEG)) {
      return Optional.of(Bestandstype.JPEG);
    }
    if (begintMet(inhoud, ZIP)) {
      return ooxml(inhoud);
    }
    return tekst(inhoud);
  }

  private static Optional<Bestandstype> ooxml(byte[] inhoud) {
    Set<String> namen = new HashSet<>();
    long uitgepakt = 0;
    byte[] buffer = new byte[8192];
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(inhoud))) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        if (namen.size() >= MAX_ZIP_ITEMS) {
          return Optional.empty();
        }
        namen.add(entry.getName());
        int n;
        while ((n = zip.read(buffer)) > 0) {
          uitgepakt += n;
          if (uitgepakt > MAX_ZIP_UITGEPAKT) {
            return Optional.empty(); // a zip bomb, not a document
          }
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!namen.contains("[Content_Types].xml")
        || namen.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).endsWith("vbaproject.bin"))) {
      return Optional.empty(); // not OOXML, or with macros (.docm/.xlsm)
    }
    if (namen.contains("word/document.xml")) {
      return Optional.of(Bestandstype.DOCX);
    }
    if (namen.contains("xl/workbook.xml")) {
      return Optional.of(Bestandstype.XLSX);
    }
    return Optional.empty();
  }

  private static Optional<Bestandstype> tekst(byte[] inhoud) {
    String tekst;
    try {
      tekst = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(inhoud)).toString();
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
    if (tekst.startsWith("\uFEFF")) {
      tekst = tekst.substring(1);
    }
    for (int i = 0; i < tekst.length(); i++) {
      char c = tekst.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
        return Optional.empty(); // binary data
      }
    }
    if (tekst.stripLeading().startsWith("#!")) {
      return Optional.empty();
    }
    if (isMail(tekst)) {
      return Optional.of(Bestandstype.EML); // a mail may carry an HTML part: it is only ever downloaded
    }
    if (tekst.stripLeading().startsWith("<") || MARKUP.matcher(tekst).find()) {
      return Optional.empty(); // HTML, SVG, XML
    }
    return Optional.of(Bestandstype.TEKST);
  }

  private static boolean isMail(String tekst) {
    int einde = tekst.indexOf("\r\n\r\n");
    if (einde < 0) {
      einde = tekst.indexOf("\n\n");
    }
    if (einde <= 0) {
      return false;
    }
    String[] regels = tekst.substring(0, einde).split("\r?\n");
    boolean from = false;
    boolean datumOfOnderwerp = false;
    for (String regel : regels) {
      if (regel.startsWith(" ") || regel.startsWith("\t")) {
        continue; // folded header line
      }
      if (!MAILKOP.matcher(regel).find()) {
        return false;
      }
      String naam = regel.substring(0, regel.indexOf(':')).toLowerCase(Locale.ROOT);
      from |= naam.equals("from");
      datumOfOnderwerp |= naam.equals("date") || naam.equals("subject") || naam.equals("message-id");
    }
    return from && datumOfOnderwerp;
  }

  private static boolean begintMet(byte[] inhoud, byte[] magic) {
    if (inhoud.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (inhoud[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * A file name that is safe to store and to offer in a download: no path, no control or shell characters, at most
   * 120 characters, and an extension that fits the detected type (else the type's own extension replaces it).
   */
  public static String veiligeBestandsnaam(String origineel, Bestandstype type) {
    String naam = origineel == null ? "" : origineel;
    naam = naam.substring(Math.max(naam.lastIndexOf('/'), naam.lastIndexOf('\\')) + 1);
    naam = Normalizer.normalize(naam, Normalizer.Form.NFC)
        .replaceAll("[^\\p{L}\\p{N} ._()-]", "_")
        .replaceAll("\\s+", " ")
        .replaceAll("_+", "_")
        .replaceAll("^[ ._-]+", "")
        .strip();
    String basis = naam;
    String extensie = "";
    int punt = naam.lastIndexOf('.');
    if (punt > 0) {
      basis = naam.substring(0, punt).strip();
      extensie = naam.substring(punt + 1).toLowerCase(Locale.ROOT);
    }
    if (!type.extensies().contains(extensie)) {
      extensie = type.extensies().get(0);
    }
    basis = basis.replaceAll("[. ]+$", "");
    if (basis.isEmpty()) {
      basis = "document";
    }
    if (basis.length() > 110) {
      basis = basis.substring(0, 110).strip();
    }
    return basis + "." + extensie;
  }
}
