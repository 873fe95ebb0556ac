CREATE TABLE ok_table (id int);
