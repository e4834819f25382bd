package org.passerelle.partners;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PartnerRepository extends JpaRepository<Partner, Long> {

    List<Partner> findByActiveTrueOrderByNameAsc();

    java.util.Optional<Partner> findBySourceAndSourceId(String source, String sourceId);

    /** The networks the directory's services belong to. */
    @org.springframework.data.jpa.repository.Query("select distinct p.network from Partner p where p.network is not null")
    List<String> networksInUse();
}
