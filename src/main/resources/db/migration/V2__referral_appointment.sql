alter table referral add column appointment_date date;
