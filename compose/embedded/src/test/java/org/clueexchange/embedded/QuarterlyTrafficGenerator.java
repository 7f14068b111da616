package org.clueexchange.embedded;

import static org.clueexchange.embedded.MonthlyTrafficGenerator.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.clueexchange.events.Agency;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.EndorsementRole;
import org.clueexchange.events.EndorsementSigned;
import org.clueexchange.events.EventEnvelope;
import org.clueexchange.events.FollowUpOpened;
import org.clueexchange.infrastructure.AgencyTopics;
import org.clueexchange.infrastructure.JsonHttp;
import org.clueexchange.wire.PersonKeys;

/**
 * Drives a prefecture's quarter of gang cases through the adapters' public APIs as the police case system and the
 * commission's clue system would: each {@link CaseScript} registered, solved and its officials named by ID number,
 * then followed up, checked, found on, endorsed and re-traced by the commission; each {@link UmbrellaClue}
 * transferred with its linked case, received, concluded and supervised. Cases and clues run side by side, each in
 * its own order.
 *
 * <p>What an adapter rightly refuses to let its system assert (a signer under a second role, a follow-up of a case
 * the police never registered) is tried through the API, its refusal kept, and the fact then written straight onto
 * the agency's topic as a raw Avro record, as a misbehaving or older adapter could: the core reports it all the same.
 */
final class QuarterlyTrafficGenerator {

    /** An official named in a case: the police's record of them, and what the commission recorded. */
    record Official(String name, String idNumber, String unit, String rank, Instant involvedAt,
                    Instant followedUpAt, String disciplineRank, Boolean umbrellaFound, Instant foundAt) {
    }

    /**
     * A signature of the endorsement (签字背书).
     *
     * @param refusedByAdapter the adapter refuses it (409: the signer signed under another role), so it is written
     *                         onto the commission's topic raw
     */
    record Signature(String role, String signerId, String signerName, Instant at, boolean refusedByAdapter) {
    }

    /**
     * One gang case's quarter: null times never happen.
     *
     * @param registeredAt null for a case the police never registered; its follow-up ({@code caseFollowUpAt}) is
     *                     then refused by the commission's adapter (404) and written onto its topic raw
     * @param umbrellaFound the commission's finding on the whole case, at {@code foundAt}
     */
    record CaseScript(String caseNumber, String jurisdiction, String caseType, String caseName,
                      Instant registeredAt, Instant solvedAt, List<Official> officials, Instant caseFollowUpAt,
                      Instant checkedAt, Boolean umbrellaFound, Instant foundAt, List<Signature> signatures,
                      Instant retracedAt) {

        /** How many facts the case's file holds once the core has consumed the script's. */
        int facts() {
            int facts = count(registeredAt) + count(solvedAt) + count(caseFollowUpAt) + count(foundAt)
                    + count(retracedAt) + (checkedAt == null ? 0 : 3) + signatures.size();
            for (Official official : officials) {
                facts += count(official.involvedAt()) + count(official.followedUpAt()) + count(official.foundAt());
            }
            return facts;
        }
    }

    /**
     * A clue alleging a protective umbrella (保护伞) the police transfer from a case about one of its officials.
     *
     * @param unfoundedAt when the commission concluded it unfounded (查否)
     */
    record UmbrellaClue(String recordId, String caseNumber, String caseType, Official about, Instant transferredAt,
                        Instant receivedAt, Instant unfoundedAt, Instant supervisedAt) {

        /** Transfer, receipt, then acceptance, disposal and conclusion when it is concluded, and supervision. */
        int facts() {
            return 1 + count(receivedAt) + (unfoundedAt == null ? 0 : 3) + count(supervisedAt);
        }
    }

    /** What an adapter answered when it refused a request, as the calling system sees it. */
    record Refusal(String caseNumber, String operation, int status, String type, String field) {
    }

    private static int count(Instant at) {
        return at == null ? 0 : 1;
    }

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_DIGITS = "10X98765432";

    private final String jurisdiction;
    private final JsonHttp police;
    private final JsonHttp discipline;
    private final AgencyTopics topics;
    private final Random random;
    private final Set<String> idNumbers = new HashSet<>();
    private final List<Refusal> refusals = new CopyOnWriteArrayList<>();

    /** @param seed printed by the caller, so that a failing run can be played again exactly */
    QuarterlyTrafficGenerator(ExchangeDeployment deployment, AgencyTopics topics, long seed) {
        this.jurisdiction = deployment.jurisdiction();
        this.police = new JsonHttp(deployment.police(), deployment.credentials().policeCaseSystem());
        this.discipline = new JsonHttp(deployment.discipline(), deployment.credentials().disciplineClueSystem());
        this.topics = topics;
        this.random = new Random(seed);
    }

    /**
     * A resident ID number (居民身份证号) of someone born in {@code county}, not given before: a birth date and a
     * sequence drawn from the seed, and the check digit GB 11643 computes.
     */
    synchronized String idNumber(String county) {
        while (true) {
            String body = county + "%04d%02d%02d%03d".formatted(1960 + random.nextInt(26), 1 + random.nextInt(12),
                    1 + random.nextInt(28), random.nextInt(1000));
            int sum = 0;
            for (int i = 0; i < WEIGHTS.length; i++) {
                sum += (body.charAt(i) - '0') * WEIGHTS[i];
            }
            String number = body + CHECK_DIGITS.charAt(sum % 11);
            if (!PersonKeys.isIdNumber(number)) {
                throw new IllegalStateException("the check digit of GB 11643 is computed as PersonKeys reads it");
            }
            if (idNumbers.add(number)) {
                return number;
            }
        }
    }

    /** A minute of the hour drawn from the seed: facts of a case keep their order, their days their age. */
    synchronized int minute() {
        return 1 + random.nextInt(59);
    }

    /** The refusals met so far, in no particular order. */
    List<Refusal> refusals() {
        return List.copyOf(refusals);
    }

    /** Plays every case and clue, several at a time in an order drawn from the seed; each clue's id. */
    Map<UmbrellaClue, String> play(List<CaseScript> cases, List<UmbrellaClue> clues) throws Exception {
        List<Object> scripts = new ArrayList<>(cases);
        scripts.addAll(clues);
        synchronized (this) {
            Collections.shuffle(scripts, random);
        }
        ExecutorService agencies = Executors.newFixedThreadPool(8);
        try {
            Map<Object, Future<String>> running = new LinkedHashMap<>();
            for (Object script : scripts) {
                running.put(script, agencies.submit(() -> script instanceof CaseScript gangCase ? play(gangCase)
                        : play((UmbrellaClue) script)));
            }
            Map<UmbrellaClue, String> clueIds = new HashMap<>();
            for (Map.Entry<Object, Future<String>> played : running.entrySet()) {
                String clueId = played.getValue().get();
                if (played.getKey() instanceof UmbrellaClue clue) {
                    clueIds.put(clue, clueId);
                }
            }
            return clueIds;
        } finally {
            agencies.shutdownNow();
        }
    }

    private String play(CaseScript script) throws Exception {
        String path = "/api/v1/gang-cases/" + encoded(script.caseNumber());
        if (script.registeredAt() == null) {
            // The commission's adapter knows no registration of the case (404); a misbehaving adapter's follow-up
            // reaches the core anyway.
            refused(script.caseNumber(), "follow-up", discipline.post(path + "/follow-up",
                    act("follow-up", script.caseFollowUpAt(), Map.of())));
            topics.publish(new FollowUpOpened(envelope(script, script.caseFollowUpAt()), script.caseNumber(), null,
                    null));
            return script.caseNumber();
        }
        police.post("/api/v1/gang-cases", act("registration", script.registeredAt(), Map.of(
                "jurisdiction", jurisdiction, "caseJurisdiction", script.jurisdiction(),
                "caseNumber", script.caseNumber(), "caseType", script.caseType(),
                "caseName", script.caseName()))).successfully();
        police.post(path + "/solution", act("solution", script.solvedAt(),
                Map.of("solvedAt", script.solvedAt().toString()))).successfully();
        for (Official official : script.officials()) {
            police.post(path + "/officials", act("official-" + official.idNumber(), official.involvedAt(),
                    Map.of("idNumber", official.idNumber(), "name", official.name(), "unit", official.unit(),
                            "rank", official.rank(), "role", "SUSPECTED_UMBRELLA"))).successfully();
        }
        if (script.caseFollowUpAt() != null) {
            // The commission knows the case once the police's registration has reached its adapter: 404 before.
            await(() -> discipline.post(path + "/follow-up", act("follow-up", script.caseFollowUpAt(), Map.of()))
                    .status() != 404, "the registration of " + script.caseNumber() + " at the commission");
            discipline.post(path + "/follow-up", act("follow-up", script.caseFollowUpAt(), Map.of()))
                    .successfully();
        }
        for (Official official : script.officials()) {
            if (official.followedUpAt() != null) {
                discipline.post(path + "/follow-up", act("follow-up-" + official.idNumber(), official.followedUpAt(),
                        Map.of("idNumber", official.idNumber(), "rank", official.disciplineRank()))).successfully();
            }
        }
        if (script.checkedAt() != null) {
            int hour = 0;
            for (String check : List.of("RELATIONSHIP_NETWORK", "PROTECTIVE_UMBRELLA", "SUPERVISORY_DUTY")) {
                discipline.post(path + "/checks", act("check-" + check, script.checkedAt().plus(hour++,
                        ChronoUnit.HOURS), Map.of("check", check, "finding", "已查结 " + check))).successfully();
            }
        }
        for (Official official : script.officials()) {
            if (official.foundAt() != null) {
                Map<String, Object> finding = new HashMap<>(Map.of("idNumber", official.idNumber(),
                        "umbrellaFound", official.umbrellaFound()));
                if (official.umbrellaFound()) {
                    finding.put("outcome", "开除党籍、移送检察机关");
                }
                discipline.post(path + "/umbrella-finding", act("finding-" + official.idNumber(), official.foundAt(),
                        finding)).successfully();
            }
        }
        if (script.foundAt() != null) {
            discipline.post(path + "/umbrella-finding", act("finding", script.foundAt(),
                    Map.of("umbrellaFound", script.umbrellaFound()))).successfully();
        }
        for (Signature signature : script.signatures()) {
            JsonHttp.Response signed = discipline.post(path + "/endorsements", act("endorsement-" + signature.role(),
                    signature.at(), Map.of("role", signature.role(), "signerId", signature.signerId(),
                            "signerName", signature.signerName())));
            if (signature.refusedByAdapter()) {
                // One person cannot sign for two roles, and the adapter says so (409); an older adapter did not.
                refused(script.caseNumber(), "endorsement", signed);
                topics.publish(new EndorsementSigned(envelope(script, signature.at()), script.caseNumber(),
                        EndorsementRole.valueOf(signature.role()), signature.signerId(), signature.signerName()));
            } else {
                signed.successfully();
            }
        }
        if (script.retracedAt() != null) {
            discipline.post(path + "/retrace", act("retrace", script.retracedAt(),
                    Map.of("reason", "群众举报反映仍有保护伞未查清"))).successfully();
        }
        return script.caseNumber();
    }

    private String play(UmbrellaClue clue) throws InterruptedException {
        Official official = clue.about();
        Map<String, Object> transfer = act("transfer", clue.transferredAt(), Map.of(
                "jurisdiction", jurisdiction, "receiverJurisdiction", jurisdiction,
                "caseNumber", clue.caseNumber(), "caseType", clue.caseType(), "allegation", "PROTECTIVE_UMBRELLA",
                "officials", List.of(Map.of("name", official.name(), "unit", official.unit(),
                        "rank", official.rank(), "role", "涉嫌充当保护伞", "idNumber", official.idNumber())),
                "summary", "案件 " + clue.caseNumber() + " 中发现的保护伞线索"));
        transfer.put("recordId", clue.recordId());
        String clueId = police.post("/api/v1/clue-transfers", transfer).successfully().path("clueId").asText();
        String inbox = "/api/v1/inbox/" + encoded(clueId);
        if (clue.receivedAt() != null) {
            await(() -> discipline.get(inbox).status() == 200, clueId + " in the commission's inbox");
            discipline.post(inbox + "/receipt", act("receipt", clue.receivedAt(), Map.of())).successfully();
        }
        if (clue.unfoundedAt() != null) {
            discipline.post(inbox + "/acceptance", act("acceptance", clue.receivedAt().plus(1, ChronoUnit.HOURS),
                    Map.of("caseNumber", "ZTJW-" + clue.recordId()))).successfully();
            discipline.post(inbox + "/disposal", act("disposal", clue.receivedAt().plus(2, ChronoUnit.HOURS),
                    Map.of("method", "PRELIMINARY_VERIFICATION"))).successfully();
            discipline.post(inbox + "/conclusion", act("conclusion", clue.unfoundedAt(), Map.of("summary", "查否",
                    "outcomes", List.of(Map.of("outcome", "UNFOUNDED", "persons", 1))))).successfully();
        }
        if (clue.supervisedAt() != null) {
            discipline.post("/api/v1/clues/" + encoded(clueId) + "/supervision", act("supervision",
                    clue.supervisedAt(), Map.of("kind", "SUPERVISION", "instructions", "查否线索督办复核")))
                    .successfully();
        }
        return clueId;
    }

    /** The commission follows up an official of a case played earlier, e.g. after the quarter was confirmed. */
    void followUpLate(CaseScript script, Official official, Instant at) {
        discipline.post("/api/v1/gang-cases/" + encoded(script.caseNumber()) + "/follow-up", act("late-follow-up-"
                + official.idNumber(), at, Map.of("idNumber", official.idNumber(), "rank", official.rank())))
                .successfully();
    }

    private void refused(String caseNumber, String operation, JsonHttp.Response answer) {
        refusals.add(new Refusal(caseNumber, operation, answer.status(), answer.body().path("type").asText(),
                answer.body().path("errors").path(0).path("field").asText()));
    }

    /** The commission's fact as its adapter would have published it, had it not refused it. */
    private EventEnvelope envelope(CaseScript script, Instant at) {
        return new EventEnvelope(UUID.randomUUID().toString(), script.caseNumber(),
                new Agency(AgencyType.DISCIPLINE, script.jurisdiction()), "ZT-JW-0007", at,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    /** One step of an agency system: its record id names the step, so a rerun repeats nothing. */
    private static Map<String, Object> act(String step, Instant occurredAt, Map<String, Object> details) {
        Map<String, Object> request = new HashMap<>(details);
        request.put("recordId", "Q" + Integer.toHexString((step + occurredAt).hashCode()));
        request.put("officerId", "ZT-0007");
        request.put("occurredAt", occurredAt.toString());
        return request;
    }

    private static String encoded(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
