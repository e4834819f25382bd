-- A partner may correct an accepted appointment a few times only (each correction messages the youth).
alter table referral add column corrections int default 0 not null;
