package org.passerelle.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A first contact as a channel integration or a mediator posts it to /api/contacts. */
public record ContactRequest(
        @NotBlank @Pattern(regexp = "whatsapp|messenger|leadAds|web|telephone|presentiel",
                message = "must be one of whatsapp, messenger, leadAds, web, telephone, presentiel") String channel,
        @NotBlank @Size(max = 160) String externalId,
        @Size(max = 80) String firstName,
        @Size(max = 120) String campaign,
        @NotBlank @Size(max = 4000) String message) {
}
