-- Erasure on request: when a youth's personal data was erased (the row stays, anonymous, for the programme's figures).
alter table youth add column erased_at timestamp;
