package nl.deurwaarder.avg.levering;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * The secrets of a delivery: the link token (256 random bits, URL-safe), the access code for the portal (8 digits,
 * easy to type from an SMS or a letter) and the password of an encrypted PDF (14 characters without look-alikes).
 * Only hashes are stored: the token's SHA-256 (unique, looked up), the code's SHA-256 salted with the delivery id.
 */
@Component
public class Geheimen {

  /** No 0/O, 1/l/I: a password read from paper is typed without doubt. */
  private static final String WACHTWOORDTEKENS = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private final SecureRandom random = new SecureRandom();

  public String token() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  public String toegangscode() {
    return String.format("%08d", random.nextInt(100_000_000));
  }

  public String wachtwoord() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 14; i++) {
      s.append(WACHTWOORDTEKENS.charAt(random.nextInt(WACHTWOORDTEKENS.length())));
    }
    return s.toString();
  }

  public static String tokenHash(String token) {
    return sha256(token);
  }

  public static String codeHash(long leveringId, String code) {
    return sha256(leveringId + ":" + code.strip());
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Compares two hashes in constant time. */
  static boolean gelijk(String a, String b) {
    return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8),
        b.getBytes(StandardCharsets.UTF_8));
  }
}
