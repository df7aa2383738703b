-- Who holds a claimed row's lease (the instance's INSTANCE_ID, or an id of its process), cleared when the
-- attempt's outcome is recorded. An instance gives back the leases it holds on rows it has nothing in
-- flight for, so a claim or an outcome lost to a database restart, or a crash, waits seconds, not the
-- lease's two minutes (DueWorkLoop).
ALTER TABLE notification ADD COLUMN lease_holder text;
ALTER TABLE webhook_delivery ADD COLUMN lease_holder text;
