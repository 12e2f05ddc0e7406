-- A saved search keeps how its query matches scripts, so it shows the hits it showed when it was
-- saved: `exact` finds a word only in the script typed, `any` in every script it is written in.
-- Collections saved before this step matched in every script.
ALTER TABLE collections ADD COLUMN script TEXT NOT NULL DEFAULT 'any' CHECK (script IN ('any', 'exact'));
