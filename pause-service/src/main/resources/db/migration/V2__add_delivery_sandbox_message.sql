-- A test-key pause never reaches a provider; the message that would have gone out is kept and shown
-- on the pause (api.md, "Test mode").
ALTER TABLE pause ADD COLUMN delivery_sandbox_message text;
