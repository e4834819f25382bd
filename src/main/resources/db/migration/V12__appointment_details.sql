-- A partner's acceptance gives the first appointment precisely: time, place and whom to ask for.
alter table referral add column appointment_time varchar(5);
alter table referral add column appointment_place varchar(300);
alter table referral add column appointment_contact varchar(200);
