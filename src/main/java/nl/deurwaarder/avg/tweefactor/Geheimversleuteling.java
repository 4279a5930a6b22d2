package nl.deurwaarder.avg.tweefactor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import nl.deurwaarder.avg.security.ProductieControle.OnveiligeInstellingException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts the TOTP secrets at rest: AES-256-GCM with a random 96-bit IV per secret and the user id as associated
 * data (a ciphertext copied to another account does not decrypt).
 *
 * <p>The key is {@code avg.tweefactor.sleutel} (env {@code AVG_TWEEFACTOR_SLEUTEL}, 32 bytes in Base64, e.g.
 * {@code openssl rand -base64 32}); production refuses to start without it. On the embedded default, without the
 * setting, a key is made once and kept in {@code avg.tweefactor.sleutelbestand} ({@code ./data/tweefactor.sleutel}).
 */
@Component
public class Geheimversleuteling {

  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecureRandom random = new SecureRandom();
  private final String sleutelInstelling;
  private final Path sleutelbestand;
  private volatile SecretKeySpec sleutel;

  public Geheimversleuteling(
      @Value("${avg.tweefactor.sleutel:}") String sleutelInstelling,
      @Value("${avg.tweefactor.sleutelbestand:./data/tweefactor.sleutel}") String sleutelbestand,
      @Value("${avg.tweefactor.verplicht:false}") boolean verplicht) {
    this.sleutelInstelling = sleutelInstelling.strip();
    this.sleutelbestand = Path.of(sleutelbestand);
    if (!this.sleutelInstelling.isEmpty()) {
      this.sleutel = sleutelUit(this.sleutelInstelling, "AVG_TWEEFACTOR_SLEUTEL");
    } else if (verplicht) {
      throw new OnveiligeInstellingException("stel de sleutel voor de tweede factor in met AVG_TWEEFACTOR_SLEUTEL "
          + "(32 bytes in Base64, bijvoorbeeld: openssl rand -base64 32)");
    }
  }

  public String versleutel(String gebruiker, byte[] geheim) {
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, sleutel(), new GCMParameterSpec(TAG_BITS, iv));
      c.updateAAD(gebruiker.getBytes(StandardCharsets.UTF_8));
      byte[] versleuteld = c.doFinal(geheim);
      return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + versleuteld.length)
          .put(iv).put(versleuteld).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("versleutelen mislukt", e);
    }
  }

  public byte[] ontsleutel(String gebruiker, String opgeslagen) {
    try {
      byte[] alles = Base64.getDecoder().decode(opgeslagen);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, sleutel(), new GCMParameterSpec(TAG_BITS, alles, 0, IV_BYTES));
      c.updateAAD(gebruiker.getBytes(StandardCharsets.UTF_8));
      return c.doFinal(alles, IV_BYTES, alles.length - IV_BYTES);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      // wrong key (AVG_TWEEFACTOR_SLEUTEL changed) or a tampered row: the user has to enrol again
      throw new IllegalStateException("Het geheim van de tweede factor kan niet worden ontsleuteld (andere sleutel?)",
          e);
    }
  }

  private SecretKeySpec sleutel() {
    SecretKeySpec s = sleutel;
    if (s == null) {
      synchronized (this) {
        if (sleutel == null) {
          sleutel = sleutelUitBestand();
        }
        s = sleutel;
      }
    }
    return s;
  }

  /** Embedded default only: the key file, made on first use. */
  private SecretKeySpec sleutelUitBestand() {
    try {
      if (!Files.exists(sleutelbestand)) {
        byte[] nieuw = new byte[32];
        random.nextBytes(nieuw);
        Path map = sleutelbestand.toAbsolutePath().getParent();
        Files.createDirectories(map);
        Files.writeString(sleutelbestand, Base64.getEncoder().encodeToString(nieuw));
        try {
          Files.setPosixFilePermissions(sleutelbestand, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException geenPosix) {
          // e.g. Windows: the data folder's own permissions apply
        }
      }
      return sleutelUit(Files.readString(sleutelbestand).strip(), sleutelbestand.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SecretKeySpec sleutelUit(String base64, String bron) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new OnveiligeInstellingException(bron + " is geen geldige Base64-tekst");
    }
    if (bytes.length != 32) {
      throw new OnveiligeInstellingException(bron + " moet 32 bytes zijn (256 bits), niet " + bytes.length);
    }
    return new SecretKeySpec(bytes, "AES");
  }
}
