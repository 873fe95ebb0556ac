ALTER TABLE events COMMENT COLUMN note 'the note';
