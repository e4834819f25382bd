-- Deliveries are acknowledged after this single insert and applied in batches by webhookIntake jobs:
-- a job claims a few rows at a time (claimed_by/claimed_until) so that jobs on several nodes never apply one
-- delivery twice; a claim left by a dead node expires and the next sweep takes the row again.
alter table inbox_delivery add column claimed_by varchar(64);
alter table inbox_delivery add column claimed_until timestamp;
create index ix_inbox_claimable on inbox_delivery (status, id);
