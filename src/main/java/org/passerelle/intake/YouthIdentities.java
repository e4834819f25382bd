package org.passerelle.intake;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One person, one youth: the identifiers a platform sends for a person (a WhatsApp phone number, a
 * business-scoped user id, both, or a new one after a change) all lead to the same external id.
 */
@Service
public class YouthIdentities {

    private final YouthRepository youths;
    private final YouthAliasRepository aliases;
    private final Clock clock;

    public YouthIdentities(YouthRepository youths, YouthAliasRepository aliases, Clock clock) {
        this.youths = youths;
        this.aliases = aliases;
        this.clock = clock;
    }

    /**
     * The external id under which this person is (or will be) known; every other identifier given is linked
     * to it. {@code preferred} names a new youth when none of the identifiers is known yet.
     */
    @Transactional
    public String resolve(String channel, String preferred, List<String> identifiers) {
        Set<String> all = new LinkedHashSet<>();
        all.add(preferred);
        identifiers.stream().filter(Objects::nonNull).filter(id -> !id.isBlank()).forEach(all::add);
        String known = all.stream().map(id -> knownAs(channel, id)).flatMap(Optional::stream).findFirst().orElse(preferred);
        link(channel, known, all);
        return known;
    }

    /** A person's identifier changed (new phone number, new user id): the new ones lead to the same youth. */
    @Transactional
    public Optional<String> identifierChanged(String channel, List<String> previous, List<String> added) {
        Optional<String> known = previous.stream().filter(Objects::nonNull).map(id -> knownAs(channel, id))
                .flatMap(Optional::stream).findFirst();
        known.ifPresent(externalId -> link(channel, externalId, added));
        return known;
    }

    /** The external id of the youth this identifier names on this channel, if one does. */
    @Transactional(readOnly = true)
    public Optional<String> knownAs(String channel, String identifier) {
        if (youths.findByChannelAndExternalId(channel, identifier).isPresent()) {
            return Optional.of(identifier);
        }
        return aliases.findById(new YouthAlias.Key(channel, identifier)).map(YouthAlias::getExternalId);
    }

    private void link(String channel, String externalId, Iterable<String> identifiers) {
        for (String identifier : identifiers) {
            if (identifier != null && !identifier.isBlank() && !identifier.equals(externalId)
                    && !aliases.existsById(new YouthAlias.Key(channel, identifier))
                    && youths.findByChannelAndExternalId(channel, identifier).isEmpty()) {
                aliases.save(new YouthAlias(channel, identifier, externalId, clock.instant()));
            }
        }
    }
}
