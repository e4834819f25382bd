package org.passerelle.intake;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface YouthAliasRepository extends JpaRepository<YouthAlias, YouthAlias.Key> {

    @Modifying
    @Query("delete from YouthAlias a where a.key.channel = :channel and a.externalId = :externalId")
    int deleteByChannelAndExternalId(String channel, String externalId);
}
