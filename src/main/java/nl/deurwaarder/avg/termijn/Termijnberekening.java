package nl.deurwaarder.avg.termijn;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * The one place every deadline of the product comes from: process timers, task due dates, letters and the
 * register.
 *
 * <p>Counting follows EU Regulation 1182/71 (which governs GDPR periods):
 * <ul>
 *   <li>the day of receipt is not counted (art. 3(1));</li>
 *   <li>a period in months ends on the day of the last month with the same date as the day of receipt, or on
 *       the last day of that month if that date does not exist (art. 3(2)(c)); a period in weeks ends on the
 *       same weekday;</li>
 *   <li>if the last day is a Saturday, Sunday, public holiday ({@link Feestdagen}) or configured office closing
 *       day ({@code avg.kantoor.sluitingsdagen}), the period ends at the end of the next working day
 *       (art. 3(4));</li>
 *   <li>hour periods (72 hours to notify the AP of a breach) are clock time: real elapsed hours, also across a
 *       daylight saving time change.</li>
 * </ul>
 *
 * <p>All times are Europe/Amsterdam. A deadline that ends on day D ends at <b>D 23:59:59</b> Europe/Amsterdam
 * ({@link #eindeVanDag(LocalDate)}): the last whole second of the day, so that the due date still shows day D
 * in Tasklist and letters (midnight would show the next day). A reminder "n working days before" starts at
 * <b>09:00</b> Europe/Amsterdam on that working day ({@link #beginVanWerkdag(LocalDate)}), the start of office
 * hours, so the reminder is in the task list when staff start work.
 *
 * <p>The methods taking {@code Object} and returning {@link Date} are meant for BPMN expressions, e.g.
 * {@code camunda:dueDate="${termijn.werkdagenNaDatum(ontvangenOp, 3)}"}. They accept {@link Date},
 * {@link LocalDate}, {@link LocalDateTime} (read as Europe/Amsterdam), {@link ZonedDateTime},
 * {@link OffsetDateTime}, {@link Instant} and ISO-8601 strings (date, local date-time, date-time with offset
 * or zone). A moment given where a calendar date is needed is first converted to its Europe/Amsterdam date.
 * Names of those methods are unique (no overloads), so the expression language always finds the right one.
 */
@Component("termijn")
public class Termijnberekening {

    /** The time zone of every deadline. Not configurable: Dutch offices, Dutch law. */
    public static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    /** The last moment of a day on which a deadline ends. */
    public static final LocalTime EINDE_VAN_DAG = LocalTime.of(23, 59, 59);

    /** The start of a working day, used for reminders. */
    public static final LocalTime BEGIN_VAN_WERKDAG = LocalTime.of(9, 0);

    /** Sanity bound for every count (months, weeks, working days, hours); larger counts are input errors. */
    public static final int MAXIMAAL_AANTAL = 10_000;

    private final Kantoorsluitingsdagen kantoor;

    public Termijnberekening(Kantoorsluitingsdagen kantoor) {
        this.kantoor = Objects.requireNonNull(kantoor, "kantoor");
    }

    // ---------------------------------------------------------------------------------------------------
    // Calendar core (java.time)
    // ---------------------------------------------------------------------------------------------------

    /** Not a Saturday, Sunday, public holiday or configured office closing day. */
    public boolean isWerkdag(LocalDate datum) {
        vereist(datum, "datum");
        DayOfWeek dag = datum.getDayOfWeek();
        return dag != DayOfWeek.SATURDAY
                && dag != DayOfWeek.SUNDAY
                && !Feestdagen.isFeestdag(datum)
                && !kantoor.isSluitingsdag(datum);
    }

    /** The date itself when it is a working day, otherwise the next working day (art. 3(4) 1182/71). */
    public LocalDate eersteWerkdagVanaf(LocalDate datum) {
        vereist(datum, "datum");
        LocalDate dag = datum;
        while (!isWerkdag(dag)) {
            dag = dag.plusDays(1);
        }
        return dag;
    }

    /**
     * The last day of a period of months counted from the day of receipt (not counted): same date in the last
     * month, or that month's last day when the date does not exist; moved to the next working day when it is
     * not a working day.
     */
    public LocalDate laatsteDagMaanden(LocalDate ontvangen, int maanden) {
        vereist(ontvangen, "ontvangen");
        vereistAantal(maanden, "maanden");
        // LocalDate.plusMonths keeps the day of month and clamps to the month's last day: 31 Jan + 1 = 28/29 Feb.
        return eersteWerkdagVanaf(ontvangen.plusMonths(maanden));
    }

    /** The last day of a period of weeks: the same weekday, moved to the next working day if needed. */
    public LocalDate laatsteDagWeken(LocalDate ontvangen, int weken) {
        vereist(ontvangen, "ontvangen");
        vereistAantal(weken, "weken");
        return eersteWerkdagVanaf(ontvangen.plusWeeks(weken));
    }

    /** The n-th working day after {@code vanaf}; {@code vanaf} itself is not counted. */
    public LocalDate werkdagenNa(LocalDate vanaf, int n) {
        vereist(vanaf, "vanaf");
        vereistAantal(n, "n");
        LocalDate dag = vanaf;
        int geteld = 0;
        while (geteld < n) {
            dag = dag.plusDays(1);
            if (isWerkdag(dag)) {
                geteld++;
            }
        }
        return dag;
    }

    /** The n-th working day before {@code datum}; {@code datum} itself is not counted. */
    public LocalDate werkdagenVoor(LocalDate datum, int n) {
        vereist(datum, "datum");
        vereistAantal(n, "n");
        LocalDate dag = datum;
        int geteld = 0;
        while (geteld < n) {
            dag = dag.minusDays(1);
            if (isWerkdag(dag)) {
                geteld++;
            }
        }
        return dag;
    }

    /**
     * The number of working days after {@code a} up to and including {@code b} ({@code a} not counted), so that
     * {@code werkdagenTussen(a, werkdagenNa(a, n)) == n}. Negative when {@code b} lies before {@code a}; zero
     * when they are the same day.
     */
    public int werkdagenTussen(LocalDate a, LocalDate b) {
        vereist(a, "a");
        vereist(b, "b");
        if (b.isBefore(a)) {
            return -werkdagenTussen(b, a);
        }
        int aantal = 0;
        for (LocalDate dag = a.plusDays(1); !dag.isAfter(b); dag = dag.plusDays(1)) {
            if (isWerkdag(dag)) {
                aantal++;
            }
        }
        return aantal;
    }

    /** Clock hours: exactly {@code uren} real hours later (DST-safe), shown in Europe/Amsterdam. */
    public ZonedDateTime urenNa(Instant moment, int uren) {
        vereist(moment, "moment");
        vereistAantal(uren, "uren");
        return moment.plus(Duration.ofHours(uren)).atZone(AMSTERDAM);
    }

    /** Clock hours: exactly {@code uren} real hours later (DST-safe), shown in Europe/Amsterdam. */
    public ZonedDateTime urenNa(ZonedDateTime moment, int uren) {
        vereist(moment, "moment");
        return urenNa(moment.toInstant(), uren);
    }

    /** The moment a deadline ending on {@code dag} ends: 23:59:59 Europe/Amsterdam. */
    public ZonedDateTime eindeVanDag(LocalDate dag) {
        vereist(dag, "dag");
        return ZonedDateTime.of(dag, EINDE_VAN_DAG, AMSTERDAM);
    }

    /** The start of office hours on {@code dag}: 09:00 Europe/Amsterdam. */
    public ZonedDateTime beginVanWerkdag(LocalDate dag) {
        vereist(dag, "dag");
        return ZonedDateTime.of(dag, BEGIN_VAN_WERKDAG, AMSTERDAM);
    }

    // ---------------------------------------------------------------------------------------------------
    // Expression-facing methods for BPMN (${termijn.xxx(...)}); unique names, java.util.Date results
    // ---------------------------------------------------------------------------------------------------

    /** End (23:59:59) of the last day of a period of months after receipt, e.g. 1 month for an access request. */
    public Date maandenNaOntvangst(Object ontvangen, int maanden) {
        return alsDate(eindeVanDag(laatsteDagMaanden(alsDatum(ontvangen, "ontvangen"), maanden)));
    }

    /** End (23:59:59) of the last day of a period of weeks after receipt, e.g. 2 weeks for erasure. */
    public Date wekenNaOntvangst(Object ontvangen, int weken) {
        return alsDate(eindeVanDag(laatsteDagWeken(alsDatum(ontvangen, "ontvangen"), weken)));
    }

    /** End (23:59:59) of the n-th working day after {@code vanaf}, e.g. 3 working days to verify identity. */
    public Date werkdagenNaDatum(Object vanaf, int n) {
        return alsDate(eindeVanDag(werkdagenNa(alsDatum(vanaf, "vanaf"), n)));
    }

    /**
     * Start (09:00) of the working day n working days before the deadline's day, for reminders, e.g.
     * {@code ${termijn.werkdagenVoorDeadline(deadline, 5)}}.
     */
    public Date werkdagenVoorDeadline(Object deadline, int n) {
        return alsDate(beginVanWerkdag(werkdagenVoor(alsDatum(deadline, "deadline"), n)));
    }

    /**
     * Exactly {@code uren} clock hours after the moment, e.g. 72 hours after a breach was discovered. A bare
     * date (no time of day) is read as the start of that day in Europe/Amsterdam: the earliest possible
     * moment, so the deadline is never later than the real one.
     */
    public Date urenNaMoment(Object moment, int uren) {
        return alsDate(urenNa(alsMoment(moment, "moment"), uren));
    }

    // ---------------------------------------------------------------------------------------------------
    // Conversions
    // ---------------------------------------------------------------------------------------------------

    /** The Europe/Amsterdam calendar date of a date or moment in any supported representation. */
    public LocalDate alsDatum(Object waarde, String naam) {
        vereist(waarde, naam);
        if (waarde instanceof LocalDate datum) {
            return datum;
        }
        if (waarde instanceof LocalDateTime lokaal) {
            return lokaal.toLocalDate();
        }
        if (waarde instanceof java.sql.Date sqlDatum) {
            return sqlDatum.toLocalDate();
        }
        if (waarde instanceof String tekst) {
            TemporalAccessor gelezen = leesIso(tekst, naam);
            if (gelezen instanceof LocalDate datum) {
                return datum;
            }
            if (gelezen instanceof LocalDateTime lokaal) {
                return lokaal.toLocalDate();
            }
            return ((ZonedDateTime) gelezen).withZoneSameInstant(AMSTERDAM).toLocalDate();
        }
        return alsMoment(waarde, naam).atZone(AMSTERDAM).toLocalDate();
    }

    /** The instant of a moment in any supported representation; local values are read as Europe/Amsterdam. */
    public Instant alsMoment(Object waarde, String naam) {
        vereist(waarde, naam);
        if (waarde instanceof Instant instant) {
            return instant;
        }
        if (waarde instanceof java.sql.Date sqlDatum) {
            return sqlDatum.toLocalDate().atStartOfDay(AMSTERDAM).toInstant();
        }
        if (waarde instanceof Date date) {
            return date.toInstant();
        }
        if (waarde instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        if (waarde instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (waarde instanceof LocalDateTime lokaal) {
            return lokaal.atZone(AMSTERDAM).toInstant();
        }
        if (waarde instanceof LocalDate datum) {
            return datum.atStartOfDay(AMSTERDAM).toInstant();
        }
        if (waarde instanceof String tekst) {
            TemporalAccessor gelezen = leesIso(tekst, naam);
            if (gelezen instanceof LocalDate datum) {
                return datum.atStartOfDay(AMSTERDAM).toInstant();
            }
            if (gelezen instanceof LocalDateTime lokaal) {
                return lokaal.atZone(AMSTERDAM).toInstant();
            }
            return ((ZonedDateTime) gelezen).toInstant();
        }
        throw new IllegalArgumentException(naam + " must be a date or date-time (java.util.Date, java.time or ISO-8601"
                + " text), but is a " + waarde.getClass().getName());
    }

    /** Parses ISO-8601 text into a LocalDate, LocalDateTime or ZonedDateTime. */
    private static TemporalAccessor leesIso(String tekst, String naam) {
        String t = tekst.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException(naam + " must not be empty");
        }
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t);
            }
            return DateTimeFormatter.ISO_DATE_TIME.parseBest(t, ZonedDateTime::from, LocalDateTime::from);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(naam + " '" + tekst + "' is not an ISO-8601 date or date-time"
                    + " (e.g. 2026-03-06, 2026-03-06T14:30 or 2026-03-06T14:30:00+01:00)", e);
        }
    }

    private static Date alsDate(ZonedDateTime moment) {
        return Date.from(moment.toInstant());
    }

    private static void vereist(Object waarde, String naam) {
        if (waarde == null) {
            throw new IllegalArgumentException(naam + " must not be null");
        }
    }

    private static void vereistAantal(int aantal, String naam) {
        if (aantal < 1 || aantal > MAXIMAAL_AANTAL) {
            throw new IllegalArgumentException(
                    naam + " must be between 1 and " + MAXIMAAL_AANTAL + ", but is " + aantal);
        }
    }
}
