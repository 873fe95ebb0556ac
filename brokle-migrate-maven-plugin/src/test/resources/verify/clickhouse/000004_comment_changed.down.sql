ALTER TABLE events COMMENT COLUMN note 'a note';
