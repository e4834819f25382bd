package org.passerelle.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of /api (at /v3/api-docs) says, for each call, which Camunda groups may make it: the
 * same rules as {@link SecurityConfiguration#apiSecurity}, kept next to them and checked by a test.
 */
@Configuration
public class ApiDescription {

    /** "METHOD path" → groups allowed, as in the security rules. */
    static final Map<String, List<String>> ROLES = Map.of(
            "POST /api/contacts", List.of(Roles.MEDIATORS, Roles.PROGRAMME_LEADS, Roles.ADMINS),
            "POST /api/partners/import", List.of(Roles.PROGRAMME_LEADS, Roles.ADMINS),
            "DELETE /api/journeys/{journeyId}/personal-data", List.of(Roles.PROGRAMME_LEADS, Roles.ADMINS),
            "GET /api/reporting/figures", List.of(Roles.SUPERVISORS, Roles.PROGRAMME_LEADS, Roles.ADMINS),
            "GET /api/journeys/{journeyId}", List.of(Roles.MEDIATORS, Roles.PROGRAMME_LEADS, Roles.SUPERVISORS, Roles.ADMINS));

    @Bean
    OpenApiCustomizer rolesOfEachCall() {
        return api -> {
            api.info(new Info().title("Passerelle API").version("1")
                    .description("Calls for programme sites and tools. HTTP Basic with a Camunda account; "
                            + "each call lists the groups (x-roles) allowed to make it."));
            api.components((api.getComponents() == null ? new Components() : api.getComponents())
                    .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")));
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                List<String> roles = ROLES.getOrDefault(method.name() + " " + path, List.of());
                operation.addExtension("x-roles", roles);
                operation.addSecurityItem(new SecurityRequirement().addList("basic"));
                operation.setDescription((operation.getDescription() == null ? "" : operation.getDescription() + " ")
                        + (roles.isEmpty() ? "Refused to everyone." : "Groups allowed: " + String.join(", ", roles) + "."));
            }));
        };
    }
}
