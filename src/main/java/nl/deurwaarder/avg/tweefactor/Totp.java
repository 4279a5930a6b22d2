package nl.deurwaarder.avg.tweefactor;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords, RFC 6238 on top of HOTP (RFC 4226): the code an authenticator app (Microsoft or
 * Google Authenticator, FreeOTP, ...) shows. Staff use the apps' defaults: HMAC-SHA1, 30-second steps, 6 digits.
 * Tested against the test vectors of RFC 6238 appendix B and RFC 4226 appendix D.
 */
public final class Totp {

  /** Length of a time step in seconds (RFC 6238 X). */
  public static final int STAP_SECONDEN = 30;
  /** Steps accepted before and after the current one, for a phone clock that is a little off. */
  static final int VENSTER = 1;

  private final String algoritme;
  private final int cijfers;

  /** The authenticator apps' defaults: HmacSHA1, 6 digits. */
  public Totp() {
    this("HmacSHA1", 6);
  }

  Totp(String algoritme, int cijfers) {
    this.algoritme = algoritme;
    this.cijfers = cijfers;
  }

  /** The time step (RFC 6238 T) an instant falls in. */
  public static long stap(Instant moment) {
    return Math.floorDiv(moment.getEpochSecond(), STAP_SECONDEN);
  }

  /** The code for one time step, zero-padded. */
  public String code(byte[] geheim, long stap) {
    return hotp(geheim, stap);
  }

  /**
   * Checks a code typed by a person against the steps around {@code moment}; answers the step it matched, so that
   * the caller can refuse the same (or an earlier) step a second time. Non-digits and wrong lengths never match.
   */
  public OptionalLong controleer(byte[] geheim, String invoer, Instant moment) {
    if (invoer == null || invoer.length() != cijfers || !invoer.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return OptionalLong.empty();
    }
    long nu = stap(moment);
    OptionalLong gevonden = OptionalLong.empty();
    // compare all candidates in constant time, so the answer time does not tell which step was close
    for (long s = nu - VENSTER; s <= nu + VENSTER; s++) {
      if (MessageDigest.isEqual(hotp(geheim, s).getBytes(), invoer.getBytes()) && gevonden.isEmpty()) {
        gevonden = OptionalLong.of(s);
      }
    }
    return gevonden;
  }

  /** HOTP (RFC 4226 §5.3): HMAC of the 8-byte counter, dynamic truncation, modulo 10^digits. */
  String hotp(byte[] geheim, long teller) {
    try {
      Mac mac = Mac.getInstance(algoritme);
      mac.init(new SecretKeySpec(geheim, "RAW"));
      byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(teller).array());
      int offset = h[h.length - 1] & 0x0f;
      int binair = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16) | ((h[offset + 2] & 0xff) << 8)
          | (h[offset + 3] & 0xff);
      int code = binair % (int) Math.pow(10, cijfers);
      return String.format("%0" + cijfers + "d", code);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC not available: " + algoritme, e);
    }
  }
}
