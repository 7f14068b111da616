package org.clueexchange.police;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.clueexchange.events.AgencyType;
import org.clueexchange.infrastructure.AdapterSettings;
import org.clueexchange.infrastructure.AdapterUnderTest;
import org.clueexchange.infrastructure.AgencyKeyring;
import org.clueexchange.wire.origin.OriginKeys;
import org.junit.jupiter.api.Test;

/**
 * An adapter whose signing key every reader would refuse does not start, naming the setting: otherwise it would
 * accept requests and publish only facts that are dead-lettered.
 */
class SigningKeyIT {

    private static void assertRefusedToStart(String database, String setting, String value, String reason) {
        assertThatThrownBy(() -> AdapterUnderTest.start(PoliceAdapter.class, database, infrastructure ->
                AdapterSettings.serving(AgencyType.POLICE, "530600", infrastructure).set(setting, value).asMap())
                .close()).rootCause().hasMessage(reason);
    }

    @Test
    void aKeyTheAgencyKeysFileListsAsTheOtherAgencysIsRefused() {
        assertRefusedToStart("police_signing_other_agency", AgencyKeyring.SIGNING_KEY_ID, "test-discipline",
                "adapter.signing.key-id: key test-discipline belongs to DISCIPLINE, not to this POLICE adapter");
    }

    @Test
    void aKeyTheFileDoesNotListIsRefused() {
        assertRefusedToStart("police_signing_unlisted", AgencyKeyring.SIGNING_KEY_ID, "police-530600-unlisted",
                "adapter.signing.key-id: key police-530600-unlisted is not in the agency keys file "
                        + "(adapter.agency-keys)");
    }

    @Test
    void aPrivateKeyThatIsNotTheListedKeysIsRefused() {
        assertRefusedToStart("police_signing_other_private_key", AgencyKeyring.SIGNING_PRIVATE_KEY,
                OriginKeys.encoded(OriginKeys.generate().getPrivate()),
                "adapter.signing.private-key: is not the private key of test-police as the agency keys file lists "
                        + "it");
    }
}
