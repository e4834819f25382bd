-- Partners answer through a signed, single-use link; reminders are counted; the first appointment is confirmed.
alter table referral add column link_nonce varchar(64);
alter table referral add column reminders_sent integer default 0 not null;
alter table referral add column attended boolean;
