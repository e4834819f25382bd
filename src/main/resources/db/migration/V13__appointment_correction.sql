-- The link that answered a referral stays usable to correct the appointment until the day before it.
alter table referral add column answer_nonce varchar(64);
