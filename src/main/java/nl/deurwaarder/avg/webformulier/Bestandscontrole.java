package nl.deurwaarder.avg.webformulier;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * Which uploaded files the website form accepts: PDF, JPEG and PNG, recognised by their first bytes (never by the
 * file name or the browser's content type), under a name that is safe to store and to offer for download.
 */
final class Bestandscontrole {

  /** An accepted file type: the content type and extension the archive stores, whatever the browser said. */
  enum Bestandstype {
    PDF("application/pdf", "pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    JPEG("image/jpeg", "jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

    final String contentType;
    final String extensie;
    private final byte[] begin;

    Bestandstype(String contentType, String extensie, byte[] begin) {
      this.contentType = contentType;
      this.extensie = extensie;
      this.begin = begin;
    }

    boolean herkent(byte[] inhoud) {
      if (inhoud.length < begin.length) {
        return false;
      }
      for (int i = 0; i < begin.length; i++) {
        if (inhoud[i] != begin[i]) {
          return false;
        }
      }
      return true;
    }
  }

  private static final int MAX_NAAM = 100;

  private Bestandscontrole() {
  }

  static Optional<Bestandstype> herken(byte[] inhoud) {
    for (Bestandstype t : Bestandstype.values()) {
      if (t.herkent(inhoud)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /**
   * A safe file name: the last path segment only, letters, digits, spaces, dots, dashes and underscores, no leading
   * dot, at most 100 characters, and always the extension of the recognised type.
   */
  static String veiligeNaam(String opgegeven, Bestandstype type) {
    String naam = opgegeven == null ? "" : opgegeven;
    naam = naam.substring(Math.max(naam.lastIndexOf('/'), naam.lastIndexOf('\\')) + 1);
    naam = Normalizer.normalize(naam, Normalizer.Form.NFC);
    int punt = naam.lastIndexOf('.');
    String stam = punt > 0 ? naam.substring(0, punt) : (punt == 0 ? "" : naam);
    stam = stam.replaceAll("[^\\p{L}\\p{N} _-]", "_").replaceAll("[_ ]{2,}", "_").strip();
    stam = stam.replaceAll("^[._-]+", "");
    if (stam.length() > MAX_NAAM - 4) {
      stam = stam.substring(0, MAX_NAAM - 4).strip();
    }
    if (stam.isEmpty()) {
      stam = "identiteitsbewijs";
    }
    return stam + "." + type.extensie.toLowerCase(Locale.ROOT);
  }
}
