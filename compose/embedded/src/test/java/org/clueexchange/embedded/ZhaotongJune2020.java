package org.clueexchange.embedded;

import static org.clueexchange.embedded.MonthlyTrafficGenerator.at;
import static org.clueexchange.embedded.MonthlyTrafficGenerator.closedLoop;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clueexchange.embedded.MonthlyTrafficGenerator.ClueScript;
import org.clueexchange.embedded.MonthlyTrafficGenerator.Sender;
import org.clueexchange.wire.ExchangeTime;

/**
 * Zhaotong (昭通市, 530600) up to 30 June 2020, as its published figures have it: 215 clues transferred by the
 * political-legal organs to discipline and 74 by discipline to the police. Two years of clues whose loops closed,
 * a clean June, and one clue per kind of break, each with a known side to act and age at the end of June.
 */
final class ZhaotongJune2020 {

    /** Police clues from before June whose loops closed: with the June transfers and one open clue, 215. */
    static final int EARLIER_POLICE_CLUES = 204;
    /** Discipline clues from before June whose loops closed: with the June transfers, 74. */
    static final int EARLIER_DISCIPLINE_CLUES = 70;
    /** The results that discipline's conclusions of police clues rotate through, persons per outcome. */
    static final List<Map<String, Integer>> DISCIPLINE_OUTCOMES = List.of(
            Map.of("PUT_ON_FILE", 1, "PARTY_DISCIPLINE", 1), Map.of("ORGANISATIONAL_HANDLING", 1),
            Map.of("PUT_ON_FILE", 1, "DETENTION", 1, "TRANSFER_TO_JUDICIARY", 1), Map.of("UNFOUNDED", 1));
    /** The results that the police's conclusions of discipline clues alternate between. */
    static final List<Map<String, Integer>> POLICE_RESULTS = List.of(
            Map.of("CRIMINAL_CASE_OPENED", 2), Map.of("SENT_FOR_PROSECUTION", 1));
    static final List<String> POLICE_RANKS = List.of("COUNTY_DIVISION", "TOWNSHIP_SECTION", "VILLAGE_CADRE",
            "GENERAL_STAFF");

    final List<ClueScript> earlier = new ArrayList<>();
    final List<ClueScript> cleanJune = new ArrayList<>();
    /** Per break category, the clue that carries it, as its sender's record id. */
    final ClueScript sentNotReceived;
    final ClueScript receivedWithoutTransfer;
    final ClueScript contentDiffers;
    final ClueScript returned;
    final ClueScript concludedWithoutFeedback;
    final ClueScript feedbackNotAcknowledged;
    final ClueScript acceptedLate;
    final ClueScript disposalLate;
    final ClueScript openPastDue;
    final ClueScript outOfSequence;

    ZhaotongJune2020() {
        LocalDateTime first = LocalDateTime.of(2018, 6, 1, 0, 0);
        for (int i = 0; i < EARLIER_POLICE_CLUES; i++) {
            earlier.add(closedLoop("ZTGA-H%03d".formatted(i), Sender.POLICE, "OWN_DISCOVERY",
                    POLICE_RANKS.get(i % 4), first.plusDays(3L * i), DISCIPLINE_OUTCOMES.get(i % 4)));
        }
        for (int i = 0; i < EARLIER_DISCIPLINE_CLUES; i++) {
            earlier.add(closedLoop("ZTJW-H%03d".formatted(i), Sender.DISCIPLINE,
                    i % 2 == 0 ? "INSPECTION_TOUR" : "PUBLIC_REPORT", i % 2 == 0 ? "VILLAGE_CADRE" : "OTHER",
                    first.plusDays(1 + 8L * i), POLICE_RESULTS.get(i % 2)));
        }
        for (int day : new int[] {1, 4, 5, 6}) {
            cleanJune.add(police("ZTGA-J%02d".formatted(day), june(day, 10), DISCIPLINE_OUTCOMES.get(day % 4)));
        }
        cleanJune.add(discipline("ZTJW-J02", june(2, 10), POLICE_RESULTS.get(0)));
        cleanJune.add(discipline("ZTJW-J07", june(7, 10), POLICE_RESULTS.get(1)));

        sentNotReceived = police("ZTGA-B01", june(26, 10), null).until(june(26, 10));
        contentDiffers = police("ZTGA-B02", june(15, 10), null).receivingOtherContent().until(june(15, 13));
        returned = police("ZTGA-B03", june(8, 10), null).returnedAt(june(9, 10));
        concludedWithoutFeedback = police("ZTGA-B04", june(2, 10), DISCIPLINE_OUTCOMES.get(0)).until(june(12, 10));
        feedbackNotAcknowledged = police("ZTGA-B05", june(3, 10), DISCIPLINE_OUTCOMES.get(1)).until(june(14, 10));
        acceptedLate = police("ZTGA-B06", june(10, 10), null).with(june(10, 10), june(10, 11), june(12, 9),
                june(12, 10)).until(june(12, 10));
        openPastDue = police("ZTGA-B08", at(LocalDateTime.of(2020, 5, 10, 10, 0)), null)
                .until(at(LocalDateTime.of(2020, 5, 10, 13, 0)));
        disposalLate = discipline("ZTJW-B07", june(16, 10), null).with(june(16, 10), june(16, 11), june(16, 12),
                june(18, 10)).until(june(18, 10));
        outOfSequence = discipline("ZTJW-B09", june(12, 10), null).with(june(12, 10), june(11, 15), june(12, 11),
                june(12, 12)).until(june(12, 12));
        receivedWithoutTransfer = discipline("ZTJW-B10", june(30, 16), null)
                .with(at(LocalDateTime.of(2020, 7, 1, 9, 0)), june(30, 16), null, null).until(june(30, 16));
    }

    List<ClueScript> all() {
        List<ClueScript> all = new ArrayList<>(earlier);
        all.addAll(cleanJune);
        all.addAll(List.of(sentNotReceived, receivedWithoutTransfer, contentDiffers, returned,
                concludedWithoutFeedback, feedbackNotAcknowledged, acceptedLate, disposalLate, openPastDue,
                outOfSequence));
        return all;
    }

    private static ClueScript police(String recordId, Instant transferred, Map<String, Integer> outcome) {
        return script(recordId, Sender.POLICE, "OWN_DISCOVERY", transferred,
                outcome == null ? DISCIPLINE_OUTCOMES.get(0) : outcome);
    }

    private static ClueScript discipline(String recordId, Instant transferred, Map<String, Integer> outcome) {
        return script(recordId, Sender.DISCIPLINE, "INSPECTION_TOUR", transferred,
                outcome == null ? POLICE_RESULTS.get(0) : outcome);
    }

    /** June clues name a township/section-level official. */
    private static ClueScript script(String recordId, Sender sender, String source, Instant transferred,
                                     Map<String, Integer> outcome) {
        return closedLoop(recordId, sender, source, "TOWNSHIP_SECTION",
                LocalDateTime.ofInstant(transferred, ExchangeTime.CHINA_STANDARD_TIME), outcome)
                .with(transferred, transferred.plus(Duration.ofHours(1)), transferred.plus(Duration.ofHours(2)),
                        transferred.plus(Duration.ofHours(3)));
    }

    private static Instant june(int day, int hour) {
        return at(LocalDateTime.of(2020, 6, day, hour, 0));
    }
}
