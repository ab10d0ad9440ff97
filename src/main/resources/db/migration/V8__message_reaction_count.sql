-- Lets a history page skip the reactions query when none of its messages has any.
ALTER TABLE messages ADD COLUMN reaction_count INTEGER NOT NULL DEFAULT 0;
