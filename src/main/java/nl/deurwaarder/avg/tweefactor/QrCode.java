package nl.deurwaarder.avg.tweefactor;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The enrolment QR code, drawn on the server with ZXing: the secret never leaves the app for a chart service, and the
 * page needs no script. Answered as a {@code data:} URI for an {@code <img>}.
 */
final class QrCode {

  private QrCode() {
  }

  static String alsDataUri(String tekst, int pixels) {
    try {
      BitMatrix m = new QRCodeWriter().encode(tekst, BarcodeFormat.QR_CODE, pixels, pixels,
          Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
      BufferedImage beeld = new BufferedImage(m.getWidth(), m.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
      for (int y = 0; y < m.getHeight(); y++) {
        for (int x = 0; x < m.getWidth(); x++) {
          beeld.setRGB(x, y, m.get(x, y) ? 0x000000 : 0xFFFFFF);
        }
      }
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      ImageIO.write(beeld, "png", png);
      return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    } catch (WriterException e) {
      throw new IllegalArgumentException("QR-code kan niet worden gemaakt", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
