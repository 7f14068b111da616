package org.clueexchange.core.casefile.messages;

/** One gang case's file: the case, its officials, its facts and where its closure stands now. */
public record FindGangCase(String caseNumber) {
}
