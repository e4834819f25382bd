-- Recognised statuses that some partner services require (RQTH, ASE, QPV…), optional in the diagnostic.
alter table youth add column statuses varchar(200);
