package nl.deurwaarder.avg.gezondheid;

import static org.assertj.core.api.Assertions.assertThat;

import nl.deurwaarder.avg.AvgSpringTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** No e-mail address reaches the log, not in a message and not in a stack trace (a mail error names its recipient). */
@AvgSpringTest
@ExtendWith(OutputCaptureExtension.class)
class LogMaskeringTest {

  private static final Logger LOG = LoggerFactory.getLogger("nl.deurwaarder.avg.test");

  @Test
  void emailAddressesAreMaskedInMessagesAndStackTraces(CapturedOutput output) {
    LOG.warn("Bericht aan jan.de-vries+avg@example.org kon niet worden verzonden",
        new IllegalStateException("550 Invalid Addresses: piet@kantoor.example.nl"));
    assertThat(output.getOut()).contains("Bericht aan <e-mail> kon niet").contains("Invalid Addresses: <e-mail>")
        .doesNotContain("jan.de-vries").doesNotContain("piet@");
  }
}
