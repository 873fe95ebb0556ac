DROP INDEX IF EXISTS idx_widgets_name;
