package nl.deurwaarder.avg.levering;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.DecryptionMaterial;
import org.apache.pdfbox.pdmodel.encryption.PDCryptFilterDictionary;
import org.apache.pdfbox.pdmodel.encryption.PDEncryption;
import org.apache.pdfbox.pdmodel.encryption.ProtectionPolicy;
import org.apache.pdfbox.pdmodel.encryption.SecurityHandler;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

/**
 * PDF 2.0 standard security, AES-256 (V 5, R 6; ISO 32000-2 §7.6.4), with a user password only: the encryption
 * dictionary PDFBox's own {@code StandardSecurityHandler} writes, without its owner-password half.
 *
 * <p>Why not PDFBox's handler: PDF 2.0 stretches every password with Algorithm 2.B (64 rounds and more of AES-CBC over
 * kilobytes plus SHA-256/384/512). PDFBox runs it four times per document: for the user password (U, UE) and for the
 * owner password (O, OE); the owner runs hash 48 bytes more per block and cost over two thirds of the whole. Our owner
 * password is random and forgotten ({@link PdfVersleuteling}): nobody may lift the protection. So O and OE here are
 * random bytes of the right length — no password validates against them, which is what a forgotten random owner
 * password means, without the work. The user password gets exactly the stretching the standard prescribes.
 *
 * <p>A reader following the standard tests a password against O, then against U; with the user password it derives
 * the file key from UE and checks Perms. {@code PdfVersleutelingTest} opens the result with PDFBox and with poppler
 * (qpdf and MuPDF were tried by hand, docs/levering.md). Only for writing: decryption stays PDFBox's standard
 * handler.
 */
final class Aes256Beveiliging extends SecurityHandler<ProtectionPolicy> {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] GEEN = new byte[0];

  private final byte[] wachtwoord;
  private final AccessPermission rechten;

  /**
   * @param wachtwoord the user password: printable ASCII (so SASLprep, which PDF 2.0 asks for, leaves it unchanged),
   *     1–127 characters
   */
  Aes256Beveiliging(String wachtwoord, AccessPermission rechten) {
    super(new StandardProtectionPolicy(null, wachtwoord, rechten));
    if (wachtwoord == null || wachtwoord.isEmpty() || wachtwoord.length() > 127
        || !wachtwoord.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException("wachtwoord: 1-127 afdrukbare ASCII-tekens");
    }
    this.wachtwoord = wachtwoord.getBytes(StandardCharsets.US_ASCII);
    this.rechten = rechten;
    setKeyLength(256);
  }

  /** Protects {@code doc}: it is encrypted when saved. */
  static void beveilig(PDDocument doc, String wachtwoord, AccessPermission rechten) {
    PDEncryption versleuteling = new PDEncryption();
    versleuteling.setSecurityHandler(new Aes256Beveiliging(wachtwoord, rechten));
    doc.setEncryptionDictionary(versleuteling);
  }

  @Override
  public void prepareDocumentForEncryption(PDDocument doc) throws IOException {
    PDEncryption dict = doc.getEncryption();
    dict.setFilter("Standard");
    dict.setVersion(5);
    dict.setRevision(6);
    dict.setLength(256);
    int p = rechten.getPermissionBytes();
    dict.setPermissions(p);
    try {
      Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
      byte[] bestandssleutel = willekeurig(32);
      setEncryptionKey(bestandssleutel);

      // Algorithm 8: U = hash(password, validation salt) + validation salt + key salt; UE = file key under
      // hash(password, key salt)
      byte[] validatiezout = willekeurig(8);
      byte[] sleutelzout = willekeurig(8);
      byte[] u = samen(hash2B(aes, wachtwoord, validatiezout), validatiezout, sleutelzout);
      aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(hash2B(aes, wachtwoord, sleutelzout), "AES"),
          new IvParameterSpec(new byte[16]));
      byte[] ue = aes.doFinal(bestandssleutel);

      // Algorithm 9 without an owner password: O and OE random (see the class comment)
      dict.setUserKey(u);
      dict.setUserEncryptionKey(ue);
      dict.setOwnerKey(willekeurig(48));
      dict.setOwnerEncryptionKey(willekeurig(32));

      PDCryptFilterDictionary filter = new PDCryptFilterDictionary();
      filter.setCryptFilterMethod(COSName.AESV3);
      filter.setLength(256);
      dict.setStdCryptFilterDictionary(filter);
      dict.setStreamFilterName(COSName.STD_CF);
      dict.setStringFilterName(COSName.STD_CF);
      setAES(true);

      // Algorithm 10: Perms = P, 0xFFFFFFFF, 'T' (metadata encrypted), "adb", 4 random bytes, under the file key
      byte[] perms = new byte[16];
      for (int i = 0; i < 4; i++) {
        perms[i] = (byte) (p >>> (8 * i));
        perms[4 + i] = (byte) 0xFF;
      }
      perms[8] = 'T';
      perms[9] = 'a';
      perms[10] = 'd';
      perms[11] = 'b';
      System.arraycopy(willekeurig(4), 0, perms, 12, 4);
      aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(bestandssleutel, "AES"), new IvParameterSpec(new byte[16]));
      dict.setPerms(aes.doFinal(perms));
    } catch (GeneralSecurityException e) {
      throw new IOException("AES-256 niet beschikbaar", e);
    }
    doc.setEncryptionDictionary(dict);
    doc.getDocument().setEncryptionDictionary(dict.getCOSObject());
  }

  /**
   * Algorithm 2.B of ISO 32000-2 for a user password (no U string): K = SHA-256(password, salt), then rounds of
   * E = AES-128-CBC(key K[0..15], iv K[16..31], 64 × (password, K)) and K = SHA-256/384/512(E) chosen by the first 16
   * bytes of E mod 3, at least 64 rounds and until the last byte of E ≤ round − 32; the first 32 bytes of K.
   */
  static byte[] hash2B(Cipher aes, byte[] wachtwoord, byte[] zout) throws GeneralSecurityException {
    MessageDigest[] hashes = {MessageDigest.getInstance("SHA-256"), MessageDigest.getInstance("SHA-384"),
        MessageDigest.getInstance("SHA-512")};
    byte[] k = hashes[0].digest(samen(wachtwoord, zout, GEEN));
    byte[] e = null;
    for (int ronde = 0; ronde < 64 || (e[e.length - 1] & 0xFF) > ronde - 32; ronde++) {
      int stuk = wachtwoord.length + k.length;
      byte[] k1 = new byte[64 * stuk];
      for (int i = 0; i < 64; i++) {
        System.arraycopy(wachtwoord, 0, k1, i * stuk, wachtwoord.length);
        System.arraycopy(k, 0, k1, i * stuk + wachtwoord.length, k.length);
      }
      aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(k, 0, 16, "AES"), new IvParameterSpec(k, 16, 16));
      e = aes.doFinal(k1);
      int rest = 0; // the first 16 bytes as a big-endian number mod 3 = the sum of the bytes mod 3 (256 ≡ 1 mod 3)
      for (int i = 0; i < 16; i++) {
        rest += e[i] & 0xFF;
      }
      k = hashes[rest % 3].digest(e);
    }
    return Arrays.copyOf(k, 32);
  }

  private static byte[] willekeurig(int lengte) {
    byte[] b = new byte[lengte];
    RANDOM.nextBytes(b);
    return b;
  }

  private static byte[] samen(byte[] a, byte[] b, byte[] c) {
    byte[] uit = Arrays.copyOf(a, a.length + b.length + c.length);
    System.arraycopy(b, 0, uit, a.length, b.length);
    System.arraycopy(c, 0, uit, a.length + b.length, c.length);
    return uit;
  }

  @Override
  public void prepareForDecryption(PDEncryption encryption, COSArray documentIDArray,
      DecryptionMaterial decryptionMaterial) {
    throw new UnsupportedOperationException("alleen voor versleutelen; ontsleutelen doet PDFBox' standaardhandler");
  }
}
