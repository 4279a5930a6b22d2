package nl.deurwaarder.avg.uitvoering;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A restore of a backup of {@code backupDatum} in the given systems (empty: all systems). */
public record Herstel(long id, LocalDate backupDatum, List<String> systemen, String toelichting,
    OffsetDateTime gestartOp, String gestartDoor, String processInstanceId, Integer aantalVerzoeken,
    OffsetDateTime afgerondOp) {
}
