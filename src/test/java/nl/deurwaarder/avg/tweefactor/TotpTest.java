package nl.deurwaarder.avg.tweefactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 6238 appendix B, RFC 4226 appendix D and RFC 4648 §10: the published test vectors. */
class TotpTest {

  private static final byte[] SHA1 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SHA256 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SHA512 = ("1234567890".repeat(6) + "1234").getBytes(StandardCharsets.US_ASCII);

  @ParameterizedTest(name = "T={0}")
  @CsvSource({
      "59, 94287082, 46119246, 90693936",
      "1111111109, 07081804, 68084774, 25091201",
      "1111111111, 14050471, 67062674, 99943326",
      "1234567890, 89005924, 91819424, 93441116",
      "2000000000, 69279037, 90698825, 38618901",
      "20000000000, 65353130, 77737706, 47863826"})
  void rfc6238Vectors(long seconden, String sha1, String sha256, String sha512) {
    long stap = Totp.stap(Instant.ofEpochSecond(seconden));
    assertThat(new Totp("HmacSHA1", 8).code(SHA1, stap)).isEqualTo(sha1);
    assertThat(new Totp("HmacSHA256", 8).code(SHA256, stap)).isEqualTo(sha256);
    assertThat(new Totp("HmacSHA512", 8).code(SHA512, stap)).isEqualTo(sha512);
  }

  @Test
  void rfc4226HotpVectors() {
    String[] verwacht = {"755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871",
        "520489"};
    for (int teller = 0; teller < verwacht.length; teller++) {
      assertThat(new Totp().hotp(SHA1, teller)).as("count %d", teller).isEqualTo(verwacht[teller]);
    }
  }

  @Test
  void acceptsOneStepOfClockDriftAndAnswersTheStep() {
    Totp totp = new Totp();
    Instant nu = Instant.ofEpochSecond(1_234_567_890L);
    long stap = Totp.stap(nu);
    assertThat(totp.controleer(SHA1, totp.code(SHA1, stap), nu)).hasValue(stap);
    assertThat(totp.controleer(SHA1, totp.code(SHA1, stap - 1), nu)).hasValue(stap - 1);
    assertThat(totp.controleer(SHA1, totp.code(SHA1, stap + 1), nu)).hasValue(stap + 1);
    assertThat(totp.controleer(SHA1, totp.code(SHA1, stap - 2), nu)).isEmpty();
    assertThat(totp.controleer(SHA1, totp.code(SHA1, stap + 2), nu)).isEmpty();
  }

  @Test
  void refusesMalformedInput() {
    Totp totp = new Totp();
    Instant nu = Instant.ofEpochSecond(59);
    assertThat(totp.controleer(SHA1, null, nu)).isEmpty();
    assertThat(totp.controleer(SHA1, "", nu)).isEmpty();
    assertThat(totp.controleer(SHA1, "28708", nu)).isEmpty();
    assertThat(totp.controleer(SHA1, "2870822", nu)).isEmpty();
    assertThat(totp.controleer(SHA1, "28708a", nu)).isEmpty();
    assertThat(totp.controleer(SHA1, "287082", nu)).isNotEmpty(); // step 1 at T=59, RFC 4226 count 1
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource({"'',''", "f,MY", "fo,MZXQ", "foo,MZXW6", "foob,MZXW6YQ", "fooba,MZXW6YTB", "foobar,MZXW6YTBOI"})
  void base32Rfc4648Vectors(String tekst, String base32) {
    assertThat(Base32.codeer(tekst.getBytes(StandardCharsets.US_ASCII))).isEqualTo(base32);
    assertThat(new String(Base32.decodeer(base32), StandardCharsets.US_ASCII)).isEqualTo(tekst);
    assertThat(new String(Base32.decodeer(base32.toLowerCase() + "=="), StandardCharsets.US_ASCII)).isEqualTo(tekst);
  }
}
