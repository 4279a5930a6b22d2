package nl.deurwaarder.avg.webformulier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * How often the website form may be submitted: per client (IP address) within a sliding window, and for all clients
 * together per minute. Kept in memory, so the limits hold per application node.
 */
@Component
public class Inzendingslimiet {

  private static final Duration MINUUT = Duration.ofMinutes(1);
  /** Above this many remembered clients, the ones whose window has passed are forgotten. */
  private static final int OPRUIMEN_BOVEN = 10_000;

  private final WebformulierInstellingen instellingen;
  private final Clock clock;
  private final Map<String, Deque<Instant>> perClient = new HashMap<>();
  private final Deque<Instant> allen = new ArrayDeque<>();

  public Inzendingslimiet(WebformulierInstellingen instellingen, Clock clock) {
    this.instellingen = instellingen;
    this.clock = clock;
  }

  /** Counts a submission by this client; false when it exceeds a limit (then it is not counted). */
  public synchronized boolean toegestaan(String client) {
    Instant nu = clock.instant();
    vergeetOuder(allen, nu.minus(MINUUT));
    Deque<Instant> eigen = perClient.computeIfAbsent(client, c -> new ArrayDeque<>());
    vergeetOuder(eigen, nu.minus(instellingen.clientVenster()));
    if (eigen.size() >= instellingen.maxPerClient() || allen.size() >= instellingen.maxPerMinuut()) {
      if (eigen.isEmpty()) {
        perClient.remove(client);
      }
      return false;
    }
    eigen.addLast(nu);
    allen.addLast(nu);
    if (perClient.size() > OPRUIMEN_BOVEN) {
      ruimOp(nu);
    }
    return true;
  }

  /** Forgets every count (tests). */
  synchronized void wisAlles() {
    perClient.clear();
    allen.clear();
  }

  synchronized int aantalClients() {
    return perClient.size();
  }

  private void ruimOp(Instant nu) {
    Instant grens = nu.minus(instellingen.clientVenster());
    for (Iterator<Deque<Instant>> it = perClient.values().iterator(); it.hasNext(); ) {
      Deque<Instant> d = it.next();
      vergeetOuder(d, grens);
      if (d.isEmpty()) {
        it.remove();
      }
    }
  }

  private static void vergeetOuder(Deque<Instant> d, Instant grens) {
    while (!d.isEmpty() && !d.peekFirst().isAfter(grens)) {
      d.removeFirst();
    }
  }
}
