package org.clueexchange.core.casefile.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.clueexchange.core.casefile.CaseClosure;
import org.clueexchange.core.casefile.messages.CaseAnomalyKind;
import org.clueexchange.core.casefile.messages.CaseAnomalyRecorded;
import org.clueexchange.core.casefile.messages.CaseClosureChanged;
import org.clueexchange.core.casefile.messages.CaseFactRecorded;
import org.clueexchange.core.casefile.messages.EndorsementRecorded;
import org.clueexchange.core.casefile.messages.GangCaseRegistrationRecorded;
import org.clueexchange.core.casefile.messages.RecordCaseFact;
import org.clueexchange.core.casefile.messages.UmbrellaFindingRecorded;
import org.clueexchange.wire.Jurisdictions;

/**
 * One gang case's file (涉黑涉恶案件台账), keyed by the police case number: every fact both agencies asserted about
 * the case, once each, in whatever order they arrived, and where its follow-up stands ({@link CaseClosure}).
 *
 * <p>A fact is never refused. Exactly one registration counts: the first the file recorded, in the event store's
 * order, so that a rebuild gives the same answer and a backdated registration cannot take the case over. One that
 * cannot be true beside it is recorded with the anomaly: a later registration that disagrees with it (which changes
 * nothing else: two deployments' police adapters cannot see each other's case numbers, so a second police may
 * register the same number elsewhere), and a fact of an agency whose jurisdiction does not cover the one the
 * counting registration puts the case in, which then does not count towards the case's closure. A later
 * registration that agrees is a retry by another path. Until the police's registration arrives the case is not
 * registered, and its facts are held all the same.
 */
@Aggregate(type = GangCaseFile.TYPE)
public class GangCaseFile {

    /** The aggregate type of every case file's events. */
    public static final String TYPE = "GangCaseFile";
    /** Every fact counts as of a moment after all of them: the file's status is over everything it holds. */
    private static final Instant EVERYTHING = Instant.MAX;

    @AggregateIdentifier
    private String caseFileId;
    private final Map<String, CaseFactRecorded> facts = new LinkedHashMap<>();
    /** The first registration the file recorded: the one that counts. */
    private GangCaseRegistrationRecorded registration;
    private final Set<String> outsideJurisdiction = new HashSet<>();
    private CaseClosure.Status status = CaseClosure.Status.OPEN;
    private Instant since;

    protected GangCaseFile() {
        // Axon rebuilds the file from its events.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordCaseFact command) {
        CaseFactRecorded fact = command.fact();
        if (facts.containsKey(fact.assertion().eventId())) {
            return;
        }
        GangCaseRegistrationRecorded counting = registration;
        apply(fact);
        if (!(fact instanceof GangCaseRegistrationRecorded another)) {
            if (counting != null) {
                judgeJurisdiction(fact, counting);
            }
        } else if (counting == null) {
            facts.values().stream().filter(held -> !held.assertion().eventId().equals(another.assertion().eventId()))
                    .toList().forEach(held -> judgeJurisdiction(held, another));
        } else if (!another.agreesWith(counting)) {
            disagreement(another, counting);
        }
        CaseClosure.State closure = CaseClosure.asOf(facts.values().stream()
                .filter(counted -> !outsideJurisdiction.contains(counted.assertion().eventId()))
                .flatMap(counted -> stepOf(counted).stream()).toList(), EVERYTHING);
        if (closure.status() != status || !Objects.equals(closure.since(), since)) {
            apply(new CaseClosureChanged(fact.caseNumber(), closure.status(), closure.since()));
        }
    }

    private static void disagreement(GangCaseRegistrationRecorded later, GangCaseRegistrationRecorded counting) {
        apply(new CaseAnomalyRecorded(later.caseNumber(), later.assertion().eventId(), counting.assertion().eventId(),
                CaseAnomalyKind.REGISTRATION_DISAGREES, "立案登记为 " + counting.caseType() + " "
                + counting.caseName() + " @" + counting.jurisdiction() + ", 此登记为 " + later.caseType() + " "
                + later.caseName() + " @" + later.jurisdiction()));
    }

    private static void judgeJurisdiction(CaseFactRecorded fact, GangCaseRegistrationRecorded registration) {
        String agency = fact.assertion().assertedBy().jurisdiction();
        if (!Jurisdictions.liesWithin(registration.jurisdiction(), agency)) {
            apply(new CaseAnomalyRecorded(fact.caseNumber(), fact.assertion().eventId(),
                    registration.assertion().eventId(), CaseAnomalyKind.OUTSIDE_JURISDICTION,
                    fact.assertion().assertedBy() + " 的管辖范围不含案件立案地 " + registration.jurisdiction()
                            + " (the case's jurisdiction lies outside the asserting agency's)"));
        }
    }

    private static Optional<CaseClosure.Step> stepOf(CaseFactRecorded fact) {
        String personKey = fact instanceof UmbrellaFindingRecorded finding ? finding.personKey() : null;
        Boolean umbrellaFound = fact instanceof UmbrellaFindingRecorded finding ? finding.umbrellaFound() : null;
        EndorsementRecorded signature = fact instanceof EndorsementRecorded signed ? signed : null;
        return CaseClosure.Step.of(fact.factKind(), fact.assertion().occurredAt(), fact.assertion().eventId(),
                personKey, umbrellaFound, signature == null ? null : signature.role(),
                signature == null ? null : signature.signerId());
    }

    @EventSourcingHandler
    void on(CaseFactRecorded fact) {
        caseFileId = fact.caseFileId();
        facts.put(fact.assertion().eventId(), fact);
        if (registration == null && fact instanceof GangCaseRegistrationRecorded first) {
            registration = first;
        }
    }

    @EventSourcingHandler
    void on(CaseAnomalyRecorded anomaly) {
        if (anomaly.kind() == CaseAnomalyKind.OUTSIDE_JURISDICTION) {
            outsideJurisdiction.add(anomaly.factEventId());
        }
    }

    @EventSourcingHandler
    void on(CaseClosureChanged changed) {
        status = changed.status();
        since = changed.since();
    }
}
