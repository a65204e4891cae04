-- A disabled user keeps their account (and their name in the audit log) but cannot sign in.
ALTER TABLE app_user ADD COLUMN enabled boolean DEFAULT true NOT NULL;
