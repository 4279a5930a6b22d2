package nl.deurwaarder.avg.tweefactor;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/** Base32 of RFC 4648 (alphabet A–Z, 2–7, no padding): how authenticator apps take a secret typed by hand. */
final class Base32 {

  private static final String ALFABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private Base32() {
  }

  static String codeer(byte[] data) {
    StringBuilder b = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte d : data) {
      buffer = (buffer << 8) | (d & 0xff);
      bits += 8;
      while (bits >= 5) {
        b.append(ALFABET.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      b.append(ALFABET.charAt((buffer << (5 - bits)) & 31));
    }
    return b.toString();
  }

  /** Decodes, ignoring spaces, hyphens, padding and case (as people copy a secret). */
  static byte[] decodeer(String tekst) {
    ByteArrayOutputStream uit = new ByteArrayOutputStream();
    int buffer = 0;
    int bits = 0;
    for (char c : tekst.toUpperCase(Locale.ROOT).toCharArray()) {
      if (c == ' ' || c == '-' || c == '=') {
        continue;
      }
      int waarde = ALFABET.indexOf(c);
      if (waarde < 0) {
        throw new IllegalArgumentException("geen Base32-teken: " + c);
      }
      buffer = (buffer << 5) | waarde;
      bits += 5;
      if (bits >= 8) {
        uit.write((buffer >> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    return uit.toByteArray();
  }
}
