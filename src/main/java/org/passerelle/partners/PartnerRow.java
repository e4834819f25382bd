package org.passerelle.partners;

import java.util.List;

/** One row, whatever its file format, before validation. */
record PartnerRow(String id, String name, String structureName, String network, String departement, String commune,
        String email, String phone, String ageMin, String ageMax, String maxDiploma, String minDiploma,
        List<String> zones, String zoneType, String statuses, String capacity, String publics, String conditions,
        String modes, boolean active) {
}
