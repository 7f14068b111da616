package org.clueexchange.core.access;

/** What a person who calls the core may do there. */
public enum CoreRole {
    /** 对账员: issues, reads and works the statements of one jurisdiction and everything inside it, and its ledger. */
    OFFICER,
    /** 运维人员: runs the exchange (dead letters, metrics); sees no personal data. */
    OPERATOR,
    /** 审计人员: reads everything, the access log included, and changes nothing. */
    AUDITOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
