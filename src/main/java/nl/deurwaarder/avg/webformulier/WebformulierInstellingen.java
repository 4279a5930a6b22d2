package nl.deurwaarder.avg.webformulier;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the public website form ({@code avg.webformulier.*}).
 *
 * @param maxPerClient    submissions one client (IP address) may make within {@code clientVenster}
 * @param clientVenster   the window of {@code maxPerClient}
 * @param maxPerMinuut    submissions of all clients together per minute (a flood from many addresses)
 * @param maxBijlage      the largest ID copy accepted
 * @param maxVerzoek      the largest request body that is still read to show a readable message; a larger one is
 *                        cut off (answered with 413 without reading further)
 */
@ConfigurationProperties("avg.webformulier")
public record WebformulierInstellingen(
    @DefaultValue("10") int maxPerClient,
    @DefaultValue("PT15M") Duration clientVenster,
    @DefaultValue("30") int maxPerMinuut,
    @DefaultValue("5MB") DataSize maxBijlage,
    @DefaultValue("25MB") DataSize maxVerzoek) {
}
