-- The campaign funnel reads journeys by opening date and each journey's referrals.
create index ix_journey_opened on journey (opened_at);
create index ix_referral_journey on referral (journey_id);
