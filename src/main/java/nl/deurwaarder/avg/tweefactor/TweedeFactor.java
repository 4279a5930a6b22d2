package nl.deurwaarder.avg.tweefactor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor of a staff account: enrolment with an authenticator app, checking a code (or a one-time recovery
 * code), lock-out after repeated wrong codes, and the administrator's reset and unblocking.
 *
 * <p>Lock-out: after {@value #MAX_POGINGEN} wrong codes in a row the account's second factor is blocked for
 * {@code BLOKKADE} (15 minutes), or until an administrator lifts it on {@code /beheer/tweefactor}. The log line says
 * that it happened, never whose account (a user name is personal data); the beheer page and the table's log name it.
 */
@Service
public class TweedeFactor {

  static final int MAX_POGINGEN = 5;
  static final Duration BLOKKADE = Duration.ofMinutes(15);
  static final int AANTAL_HERSTELCODES = 10;
  /** 32 characters without 0/O and 1/I: 16 of them are 80 random bits. */
  private static final String HERSTEL_ALFABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private static final Logger LOG = LoggerFactory.getLogger(TweedeFactor.class);

  public enum Uitslag { GOED, GOED_MET_HERSTELCODE, FOUT, GEBLOKKEERD, NIET_INGESTELD }

  /** What the enrolment page shows: the secret for typing and the otpauth URI for the QR code. */
  public record Inschrijving(String geheimBase32, String otpauthUri) {
  }

  /** One line of the administrator's overview. */
  public record Status(String gebruiker, boolean ingesteld, OffsetDateTime ingesteldOp, boolean geblokkeerd,
      OffsetDateTime geblokkeerdTot, int ongebruikteHerstelcodes) {
  }

  private final TweedeFactorOpslag opslag;
  private final Geheimversleuteling versleuteling;
  private final String uitgever;
  private final Clock klok;
  private final Totp totp = new Totp();
  private final SecureRandom random = new SecureRandom();

  @Autowired
  public TweedeFactor(TweedeFactorOpslag opslag, Geheimversleuteling versleuteling,
      @Value("${avg.kantoor.naam:AVG-procesapplicatie}") String kantoornaam) {
    this(opslag, versleuteling, kantoornaam, Clock.systemUTC());
  }

  TweedeFactor(TweedeFactorOpslag opslag, Geheimversleuteling versleuteling, String kantoornaam, Clock klok) {
    this.opslag = opslag;
    this.versleuteling = versleuteling;
    this.uitgever = kantoornaam;
    this.klok = klok;
  }

  /** True when the account has a confirmed second factor. */
  public boolean isIngesteld(String gebruiker) {
    return opslag.lees(gebruiker).map(TweedeFactorOpslag.Rij::bevestigd).orElse(false);
  }

  /**
   * Starts (or continues) the enrolment of an account that has no confirmed second factor: the same secret is shown
   * again when the page is reloaded, until it is confirmed with a code.
   */
  @Transactional
  public Inschrijving begin(String gebruiker) {
    Optional<TweedeFactorOpslag.Rij> rij = opslag.lees(gebruiker);
    if (rij.isPresent() && rij.get().bevestigd()) {
      throw new IllegalStateException("tweede factor is al ingesteld");
    }
    byte[] geheim;
    if (rij.isPresent()) {
      geheim = versleuteling.ontsleutel(gebruiker, rij.get().geheimVersleuteld());
    } else {
      geheim = new byte[20]; // 160 bits, as RFC 4226 recommends for HMAC-SHA1
      random.nextBytes(geheim);
      opslag.nieuwGeheim(gebruiker, versleuteling.versleutel(gebruiker, geheim), nu());
    }
    String base32 = Base32.codeer(geheim);
    String label = url(uitgever) + ":" + url(gebruiker);
    return new Inschrijving(base32, "otpauth://totp/" + label + "?secret=" + base32 + "&issuer=" + url(uitgever)
        + "&algorithm=SHA1&digits=6&period=" + Totp.STAP_SECONDEN);
  }

  /**
   * Confirms the enrolment with the first code from the app; answers the recovery codes (shown once, only their
   * hashes are kept), or empty when the code is wrong (counted as a failure) or the account is blocked.
   */
  @Transactional
  public Optional<List<String>> bevestig(String gebruiker, String code) {
    TweedeFactorOpslag.Rij rij = opslag.lees(gebruiker).filter(r -> !r.bevestigd()).orElse(null);
    if (rij == null || geblokkeerd(rij)) {
      return Optional.empty();
    }
    OptionalLong stap = totp.controleer(versleuteling.ontsleutel(gebruiker, rij.geheimVersleuteld()),
        normaliseerCijfers(code), klok.instant());
    if (stap.isEmpty()) {
      telFout(gebruiker);
      return Optional.empty();
    }
    opslag.bevestig(gebruiker, stap.getAsLong(), nu());
    List<String> codes = nieuweHerstelcodes(gebruiker);
    opslag.log(gebruiker, "INGESTELD", gebruiker, nu());
    return Optional.of(codes);
  }

  /** Checks a code from the app, or a recovery code (used up by this). */
  @Transactional
  public Uitslag controleer(String gebruiker, String invoer) {
    TweedeFactorOpslag.Rij rij = opslag.lees(gebruiker).filter(TweedeFactorOpslag.Rij::bevestigd).orElse(null);
    if (rij == null) {
      return Uitslag.NIET_INGESTELD;
    }
    if (geblokkeerd(rij)) {
      return Uitslag.GEBLOKKEERD;
    }
    String cijfers = normaliseerCijfers(invoer);
    if (cijfers.length() == 6) {
      OptionalLong stap = totp.controleer(versleuteling.ontsleutel(gebruiker, rij.geheimVersleuteld()), cijfers,
          klok.instant());
      // a code is valid once: the same or an earlier step again is a replay (someone looking over a shoulder)
      if (stap.isPresent() && (rij.laatsteStap() == null || stap.getAsLong() > rij.laatsteStap())) {
        opslag.gelukt(gebruiker, stap.getAsLong());
        return Uitslag.GOED;
      }
    } else if (opslag.gebruikHerstelcode(gebruiker, hash(normaliseerHerstelcode(invoer)), nu())) {
      opslag.gelukt(gebruiker, null);
      opslag.log(gebruiker, "HERSTELCODE_GEBRUIKT", gebruiker, nu());
      return Uitslag.GOED_MET_HERSTELCODE;
    }
    return telFout(gebruiker) ? Uitslag.GEBLOKKEERD : Uitslag.FOUT;
  }

  /** The administrator's reset: the account enrols a new second factor at its next login. */
  @Transactional
  public boolean herstel(String gebruiker, String beheerder) {
    boolean was = opslag.verwijder(gebruiker) > 0;
    opslag.log(gebruiker, "TERUGGEZET", beheerder, nu());
    LOG.info("Tweede factor van een account teruggezet door een beheerder");
    return was;
  }

  @Transactional
  public void deblokkeer(String gebruiker, String beheerder) {
    opslag.deblokkeer(gebruiker);
    opslag.log(gebruiker, "BLOKKADE_OPGEHEVEN", beheerder, nu());
  }

  public Status status(String gebruiker) {
    Optional<TweedeFactorOpslag.Rij> rij = opslag.lees(gebruiker);
    boolean ingesteld = rij.map(TweedeFactorOpslag.Rij::bevestigd).orElse(false);
    return new Status(gebruiker, ingesteld, rij.map(TweedeFactorOpslag.Rij::ingesteldOp).orElse(null),
        rij.map(this::geblokkeerd).orElse(false),
        rij.filter(this::geblokkeerd).map(TweedeFactorOpslag.Rij::geblokkeerdTot).orElse(null),
        ingesteld ? opslag.ongebruikteHerstelcodes(gebruiker) : 0);
  }

  List<TweedeFactorOpslag.Gebeurtenis> logboek(String gebruiker) {
    return opslag.logboek(gebruiker);
  }

  private boolean geblokkeerd(TweedeFactorOpslag.Rij rij) {
    return rij.geblokkeerdTot() != null && rij.geblokkeerdTot().toInstant().isAfter(klok.instant());
  }

  /** Counts a wrong code; blocks at the limit. True when the account is blocked now. */
  private boolean telFout(String gebruiker) {
    int pogingen = opslag.mislukt(gebruiker);
    if (pogingen >= MAX_POGINGEN) {
      opslag.blokkeer(gebruiker, nu().plus(BLOKKADE));
      opslag.log(gebruiker, "GEBLOKKEERD", null, nu());
      LOG.warn("Tweede factor: een account is {} minuten geblokkeerd na {} onjuiste codes (opheffen: "
          + "/beheer/tweefactor)", BLOKKADE.toMinutes(), pogingen);
      return true;
    }
    return false;
  }

  private List<String> nieuweHerstelcodes(String gebruiker) {
    List<String> codes = new ArrayList<>();
    List<String> hashes = new ArrayList<>();
    for (int i = 0; i < AANTAL_HERSTELCODES; i++) {
      StringBuilder b = new StringBuilder();
      for (int j = 0; j < 16; j++) {
        if (j > 0 && j % 4 == 0) {
          b.append('-');
        }
        b.append(HERSTEL_ALFABET.charAt(random.nextInt(HERSTEL_ALFABET.length())));
      }
      codes.add(b.toString());
      hashes.add(hash(normaliseerHerstelcode(b.toString())));
    }
    opslag.vervangHerstelcodes(gebruiker, hashes);
    return codes;
  }

  static String normaliseerCijfers(String invoer) {
    return invoer == null ? "" : invoer.replaceAll("[\\s-]", "");
  }

  static String normaliseerHerstelcode(String invoer) {
    return invoer == null ? "" : invoer.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
  }

  /** SHA-256 is enough here: a recovery code is 80 random bits, not a password a person chose. */
  static String hash(String code) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(code.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private OffsetDateTime nu() {
    return OffsetDateTime.ofInstant(klok.instant(), ZoneOffset.UTC);
  }

  Instant moment() {
    return klok.instant();
  }

  private static String url(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
