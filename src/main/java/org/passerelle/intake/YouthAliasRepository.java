package org.passerelle.intake;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface YouthAliasRepository extends JpaRepository<YouthAlias, YouthAlias.Key> {

    /** The other ids (BSUID, username…) this platform id is known by. */
    @Query("select a.key.alias from YouthAlias a where a.key.channel = :channel and a.externalId = :externalId")
    java.util.List<String> aliasesOf(String channel, String externalId);

    @Modifying
    @Query("delete from YouthAlias a where a.key.channel = :channel and a.externalId = :externalId")
    int deleteByChannelAndExternalId(String channel, String externalId);
}
