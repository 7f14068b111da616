package org.clueexchange.core.access;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.clueexchange.adapter.ApiFields;
import org.clueexchange.wire.Jurisdictions;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may call the core ({@code clue-exchange.access.*}). The configuration holds each person's token only as its
 * SHA-256, so it holds no usable secret; the tokens themselves are handed out apart from it.
 */
@Validated
@ConfigurationProperties("clue-exchange.access")
public record AccessProperties(@DefaultValue @Valid List<User> users) {

    /**
     * @param jurisdiction required for an officer, whom it binds; ignored for the other roles
     */
    public record User(@NotBlank @Size(max = 64, message = "must be at most 64 characters, as the officer ids a "
                               + "statement records") String id,
                       @NotNull @Pattern(regexp = ApiFields.SHA256, message = "must be the token's SHA-256 in hex")
                       String tokenSha256,
                       @NotNull CoreRole role,
                       @Pattern(regexp = Jurisdictions.CODE_PATTERN, message = Jurisdictions.CODE_RULE)
                       String jurisdiction) {

        public User {
            if (role == CoreRole.OFFICER && jurisdiction == null) {
                throw new IllegalArgumentException("clue-exchange.access.users: officer " + id
                        + " needs a jurisdiction");
            }
        }

        public CoreUser asPrincipal() {
            return new CoreUser(id, role, role == CoreRole.OFFICER ? jurisdiction : null);
        }
    }
}
