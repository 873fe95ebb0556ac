-- the trigger still uses the function
DROP FUNCTION touch_account();
