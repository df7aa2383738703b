CREATE TABLE kit_probe (id int PRIMARY KEY);
