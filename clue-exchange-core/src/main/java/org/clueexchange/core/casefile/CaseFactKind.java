package org.clueexchange.core.casefile;

import org.clueexchange.events.AgencyType;

/** The facts a gang case's file records, each with the agency that asserts it and its label on statements. */
public enum CaseFactKind {
    GANG_CASE_REGISTERED("立案 registered", AgencyType.POLICE),
    GANG_CASE_SOLVED("破案 solved", AgencyType.POLICE),
    OFFICIAL_INVOLVED("涉案公职人员 official involved", AgencyType.POLICE),
    FOLLOW_UP_OPENED("同步跟进 follow-up opened", AgencyType.DISCIPLINE),
    CASE_CHECK_COMPLETED("一案三查 check completed", AgencyType.DISCIPLINE),
    UMBRELLA_FINDING_MADE("保护伞认定 umbrella finding", AgencyType.DISCIPLINE),
    ENDORSEMENT_SIGNED("签字背书 endorsement signed", AgencyType.DISCIPLINE),
    RETRACE_ORDERED("回溯核查 re-trace ordered", AgencyType.DISCIPLINE);

    private final String label;
    private final AgencyType assertedBy;

    CaseFactKind(String label, AgencyType assertedBy) {
        this.label = label;
        this.assertedBy = assertedBy;
    }

    public String label() {
        return label;
    }

    /** The agency whose fact it is. */
    public AgencyType assertedBy() {
        return assertedBy;
    }
}
