package nl.deurwaarder.avg.bewaartermijn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An on-disk outbox of the embedded default (mail {@code .eml}, SMS {@code .json}) as retention sees it: its files
 * of one kind, those that name a reference number, those written before a limit. Deleting a file twice does no harm;
 * a missing folder is an empty outbox.
 */
public record Outboxmap(Path map, String extensie) {

  /** Deletes every file whose text (read by {@code inhoud}) names the reference as a whole word; returns how many. */
  public int ruimOp(String referentie, Function<Path, String> inhoud) {
    Pattern ref = Pattern.compile("(?<![\\w-])" + Pattern.quote(referentie) + "(?![\\w-])");
    int n = 0;
    for (Path bestand : bestanden()) {
      if (ref.matcher(inhoud.apply(bestand)).find() && verwijder(bestand)) {
        n++;
      }
    }
    return n;
  }

  /** Deletes every file written before {@code grens}; returns how many. */
  public int ruimOpVoor(OffsetDateTime grens) {
    int n = 0;
    for (Path bestand : bestanden()) {
      try {
        if (Files.getLastModifiedTime(bestand).toInstant().isBefore(grens.toInstant()) && verwijder(bestand)) {
          n++;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return n;
  }

  /** The files of this kind, in no particular order. */
  public List<Path> bestanden() {
    if (!Files.isDirectory(map)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(map)) {
      return s.filter(p -> p.getFileName().toString().endsWith(extensie)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file's text as UTF-8. */
  public static String lees(Path bestand) {
    try {
      return Files.readString(bestand, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean verwijder(Path bestand) {
    try {
      return Files.deleteIfExists(bestand);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
