package org.clueexchange.core.reconciliation.quarterly.statement;

/**
 * What the exchange sees that neither agency can alone (打伞破网): each is read across both agencies' records and
 * listed on the quarterly statement as a finding, not a break, since no single record of either is wrong.
 */
public enum FindingKind {
    /** An official named in a solved case of whom discipline holds no record at all: no follow-up, no clue. */
    OFFICIAL_UNKNOWN_TO_DISCIPLINE("纪检监察机关无记录的涉案公职人员 official unknown to discipline"),
    /** An umbrella clue names a gang case the police never registered. */
    CLUE_OF_UNREGISTERED_CASE("问题线索所涉案件未立案 umbrella clue of an unregistered case"),
    /** The same person is named in several cases, or in several clues. */
    PERSON_IN_SEVERAL("同一人涉及多起案件或多条线索 one person in several cases or clues");

    private final String label;

    FindingKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
