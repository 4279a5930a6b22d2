package nl.deurwaarder.avg.webformulier;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds a multipart/form-data body the way a browser sends the website form (tests). */
final class Formulierdata {

  static final String GRENS = "----formuliergrens7MA4YWxkTrZu0gW";
  static final String CONTENT_TYPE = "multipart/form-data; boundary=" + GRENS;

  private final Map<String, String> velden = new LinkedHashMap<>();
  private String bestandsnaam;
  private String bestandstype;
  private byte[] bestand;

  static Formulierdata geldig() {
    return new Formulierdata()
        .met("verzoekType", "INZAGE")
        .met("verzoekerRol", "BETROKKENE")
        .met("naam", "Jan de Vries")
        .met("email", "jan.devries@example.nl")
        .met("adres", "Dorpsstraat 1\n1234 AB Ergens")
        .met("geboortedatum", "1985-04-17")
        .met("dossiernummer", "D-2025/0042")
        .met("verzoekerNaam", "")
        .met("verzoekerEmail", "")
        .met("verzoekerOrganisatie", "")
        .met("omschrijving", "Ik wil weten welke gegevens u over mij heeft.")
        .met("akkoord", "ja");
  }

  Formulierdata met(String veld, String waarde) {
    velden.put(veld, waarde);
    return this;
  }

  Formulierdata zonder(String veld) {
    velden.remove(veld);
    return this;
  }

  Formulierdata bestand(String naam, String type, byte[] inhoud) {
    this.bestandsnaam = naam;
    this.bestandstype = type;
    this.bestand = inhoud;
    return this;
  }

  String veld(String naam) {
    return velden.get(naam);
  }

  byte[] body() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    velden.forEach((k, v) -> schrijf(out, "--" + GRENS + "\r\nContent-Disposition: form-data; name=\"" + k
        + "\"\r\n\r\n" + v + "\r\n"));
    schrijf(out, "--" + GRENS + "\r\nContent-Disposition: form-data; name=\"bijlage\"; filename=\""
        + (bestandsnaam == null ? "" : bestandsnaam) + "\"\r\nContent-Type: "
        + (bestandstype == null ? "application/octet-stream" : bestandstype) + "\r\n\r\n");
    if (bestand != null) {
      out.writeBytes(bestand);
    }
    schrijf(out, "\r\n--" + GRENS + "--\r\n");
    return out.toByteArray();
  }

  private static void schrijf(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] png(int grootte) {
    byte[] b = new byte[grootte];
    byte[] kop = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    System.arraycopy(kop, 0, b, 0, kop.length);
    return b;
  }

  static byte[] pdf(int grootte) {
    byte[] b = new byte[grootte];
    byte[] kop = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(kop, 0, b, 0, kop.length);
    return b;
  }

  /** The start of a Windows executable ("MZ" header). */
  static byte[] exe() {
    byte[] b = new byte[4096];
    b[0] = 'M';
    b[1] = 'Z';
    b[2] = (byte) 0x90;
    return b;
  }
}
