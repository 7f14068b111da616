package org.clueexchange.core.casefile.messages;

/** What two facts of a gang case's file cannot both be, with its label for officers. */
public enum CaseAnomalyKind {
    /** A registration says another type, name or jurisdiction of the case than the one on record. */
    REGISTRATION_DISAGREES("立案信息不一致 registrations disagree"),
    /** An agency asserted a fact about a case registered in a jurisdiction it does not cover. */
    OUTSIDE_JURISDICTION("越权报送 asserted outside the agency's jurisdiction");

    private final String label;

    CaseAnomalyKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
